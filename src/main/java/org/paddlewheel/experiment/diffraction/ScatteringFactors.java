package org.paddlewheel.experiment.diffraction;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.paddlewheel.model.InputException;

/**
 * Atomic scattering amplitudes for powder diffraction. X-rays: the non-dispersive form factor
 * f0(s) = c + Σ_{i=1..5} a_i·exp(−b_i s²) in electrons, s = sinθ/λ in 1/Å, with the coefficients of
 * D. Waasmaier and A. Kirfel, Acta Cryst. A51 (1995) 416–431 (fits to International Tables for
 * Crystallography Vol. C, Tables 6.1.1.1/6.1.1.3, the five-Gaussian successor of the Cromer–Mann
 * coefficients of Table 6.1.1.4; valid for 0 ≤ s ≤ 6 Å⁻¹; neutral atoms and common ions, labels like
 * "Na", "Cl1-", "O2-"); anomalous dispersion f′, f″ is neglected. Neutrons: bound coherent scattering
 * lengths b_c in fm (real part) from V. F. Sears, Neutron News 3 (1992) 26, with isotopes ("11B",
 * "2H" or "D"). Both tables are resources in this package, read once.
 */
public final class ScatteringFactors {
    private ScatteringFactors() {}

    private static final Map<String, double[]> XRAY = load("waasmaier-kirfel.txt", 13);
    private static final Map<String, double[]> NEUTRON = load("neutron-scattering-lengths.txt", 2);

    private static Map<String, double[]> load(String name, int columns) {
        Map<String, double[]> m = new HashMap<>();
        try (InputStream in = ScatteringFactors.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.trim().split("\\s+");
                if (f.length != columns) throw new IllegalStateException(name + ": bad line " + line);
                double[] v = new double[columns - 1];
                for (int i = 1; i < columns; i++) v[i - 1] = Double.parseDouble(f[i]);
                m.putIfAbsent(f[0].toLowerCase(Locale.ROOT), v);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(m);
    }

    /** Whether an X-ray form factor exists for {@code label} ("Na", "Cl1-"). */
    public static boolean hasXray(String label) { return XRAY.containsKey(label.toLowerCase(Locale.ROOT)); }

    /**
     * X-ray form factor f0 in electrons at s = sinθ/λ (1/Å).
     *
     * @throws InputException for an unknown label
     */
    public static double xray(String label, double s) {
        double[] v = XRAY.get(label.toLowerCase(Locale.ROOT));
        if (v == null) throw new InputException("no X-ray form factor for '" + label + "' (Waasmaier–Kirfel table: neutral atoms H–Cf and ions such as Na1+, Cl1-)");
        // v = Z, a1..a5, c, b1..b5
        double s2 = s * s;
        double f = v[6];
        for (int i = 0; i < 5; i++) f += v[1 + i] * Math.exp(-v[7 + i] * s2);
        return f;
    }

    /**
     * Bound coherent neutron scattering length in fm for an element ("B", natural abundance) or
     * isotope ("11B", "2H", "D").
     *
     * @throws InputException for an unknown label
     */
    public static double neutronFm(String label) {
        double[] v = NEUTRON.get(label.toLowerCase(Locale.ROOT));
        if (v == null) throw new InputException("no neutron scattering length for '" + label + "' (give an element or an isotope such as 11B, D)");
        return v[0];
    }
}
