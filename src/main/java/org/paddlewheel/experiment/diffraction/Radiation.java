package org.paddlewheel.experiment.diffraction;

import java.util.List;
import java.util.Locale;
import org.paddlewheel.model.InputException;
import org.paddlewheel.model.Quantity;

/**
 * The probe of a powder experiment: X-rays or neutrons, one or more wavelengths (Å) with weights
 * (e.g. Cu Kα1 + Kα2 at 2:1), and the geometry factor used for intensities. Characteristic lines
 * from G. Hölzer et al., Phys. Rev. A 56 (1997) 4554: Cu Kα1 1.5405929 Å, Kα2 1.5444274 Å;
 * Mo Kα1 0.7093171 Å, Kα2 0.7136043 Å; Co Kα1 1.7889961 Å, Kα2 1.7928350 Å. Energy ↔ wavelength
 * with hc = 12.398419843 keV·Å (exact in SI 2019).
 *
 * @param probe        X-ray or neutron
 * @param wavelengthsA wavelengths in Å; the first is the one peak positions are listed for
 * @param weights      relative weight of each wavelength in a synthesised profile
 * @param geometry     Lorentz-polarisation model
 */
public record Radiation(Probe probe, double[] wavelengthsA, double[] weights, Geometry geometry) {
    /** X-rays or neutrons. */
    public enum Probe { XRAY, NEUTRON }

    /** Intensity correction: Lorentz-polarisation form. */
    public enum Geometry {
        /** Unpolarised laboratory X-rays, Bragg–Brentano: (1 + cos²2θ)/(sin²θ cosθ). */
        UNPOLARIZED,
        /** Synchrotron, polarisation perpendicular to the scattering plane (P = 1): 1/(sin²θ cosθ). */
        SYNCHROTRON,
        /** Constant-wavelength neutrons: Lorentz factor 1/(sin²θ cosθ) only. */
        NEUTRON,
        /** No correction (|F|²·multiplicity only). */
        NONE
    }

    /** hc in keV·Å (exact: h, c and e fixed in SI 2019). */
    public static final double HC_KEV_ANGSTROM = 12.398419843320026;

    public Radiation {
        wavelengthsA = wavelengthsA.clone();
        weights = weights.clone();
    }

    /** The wavelength peak positions refer to, Å. */
    public double primaryWavelengthA() { return wavelengthsA[0]; }

    /** Lorentz-polarisation factor at Bragg angle θ (radians). */
    public double lorentzPolarization(double theta) {
        double s = Math.sin(theta), c = Math.cos(theta), c2 = Math.cos(2 * theta);
        return switch (geometry) {
            case UNPOLARIZED -> (1 + c2 * c2) / (s * s * c);
            case SYNCHROTRON, NEUTRON -> 1 / (s * s * c);
            case NONE -> 1;
        };
    }

    /** Wavelength in Å of a photon of energy {@code keV}. */
    public static double wavelengthFromKeV(double keV) { return HC_KEV_ANGSTROM / keV; }

    /**
     * Parses an X-ray wavelength: a length ("1.5406Å", "0.154nm") or a line name: CuKa1, CuKa (Kα1 +
     * Kα2, 2:1), MoKa1, MoKa, CoKa1, CoKa.
     */
    public static Radiation xray(String text, Geometry geometry) {
        String t = text.strip().toLowerCase(Locale.ROOT).replace("α", "a").replace("-", "");
        List<double[]> lines = switch (t) {
            case "cuka1", "cu" -> List.of(new double[] {1.5405929, 1});
            case "cuka", "cuka12" -> List.of(new double[] {1.5405929, 1}, new double[] {1.5444274, 0.5});
            case "moka1", "mo" -> List.of(new double[] {0.7093171, 1});
            case "moka", "moka12" -> List.of(new double[] {0.7093171, 1}, new double[] {0.7136043, 0.5});
            case "coka1", "co" -> List.of(new double[] {1.7889961, 1});
            case "coka", "coka12" -> List.of(new double[] {1.7889961, 1}, new double[] {1.7928350, 0.5});
            default -> List.of(new double[] {Quantity.lengthAngstrom(text), 1});
        };
        return of(Probe.XRAY, lines, geometry);
    }

    /** A single-wavelength probe. */
    public static Radiation monochromatic(Probe probe, double wavelengthA, Geometry geometry) {
        return of(probe, List.of(new double[] {wavelengthA, 1}), geometry);
    }

    /** Parses a photon energy such as "27keV", "8.04 keV", "27000eV" into keV. */
    public static double parseKeV(String text) {
        var m = java.util.regex.Pattern.compile("^\\s*([-+]?[0-9.]+(?:[eE][-+]?\\d+)?)\\s*(kev|ev|mev)?\\s*$",
                java.util.regex.Pattern.CASE_INSENSITIVE).matcher(text);
        if (!m.matches()) throw new InputException("'" + text + "' is not an energy; expected e.g. 27keV");
        double v = Double.parseDouble(m.group(1));
        String u = m.group(2) == null ? "kev" : m.group(2).toLowerCase(Locale.ROOT);
        double kev = switch (u) {
            case "ev" -> v / 1e3;
            case "mev" -> m.group(2).equals("MeV") ? v * 1e3 : v / 1e6;
            default -> v;
        };
        if (!(kev > 0)) throw new InputException("energy must be > 0, got '" + text + "'");
        return kev;
    }

    private static Radiation of(Probe p, List<double[]> lines, Geometry g) {
        double[] w = new double[lines.size()], wt = new double[lines.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = lines.get(i)[0];
            wt[i] = lines.get(i)[1];
            if (!(w[i] > 0)) throw new InputException("wavelength must be > 0 Å, got " + w[i]);
        }
        return new Radiation(p, w, wt, g);
    }
}
