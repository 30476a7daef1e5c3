package org.paddlewheel.experiment.diffraction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.paddlewheel.model.Lattice;

/**
 * Kinematic powder-diffraction peak list of a {@link Crystal}. For every (hkl) with d ≥ λ/(2 sin θ_max):
 * d = 1/|h·a* + k·b* + l·c*| and Bragg's law λ = 2d sinθ; structure factor
 * F = Σ_j occ_j·f_j(s)·exp(−B_j s²)·exp(2πi(hx_j + ky_j + lz_j)) with s = sinθ/λ = 1/(2d) and f from
 * {@link ScatteringFactors} (X-ray form factors or neutron b_c; ligand shells orientation-averaged);
 * reflections with the same d and |F|² are merged into one line whose multiplicity counts them
 * (Friedel pairs included), so symmetry is never needed as input. Integrated intensity
 * I = m·|F|²·LP(θ) (see {@link Radiation.Geometry}), reported relative to the strongest line (100).
 * Lines with |F|² below 1e-8 of the largest are treated as systematically absent.
 */
public final class PowderPattern {
    private PowderPattern() {}

    /**
     * One powder line.
     *
     * @param h h, k, l       representative indices (h ≥ k ≥ l ≥ 0 when the set contains such)
     * @param dA              d-spacing, Å
     * @param twoThetaDeg     2θ for the primary wavelength, degrees
     * @param multiplicity    number of reflections merged
     * @param fSquared        |F|² per reflection (electrons² for X-rays, fm² for neutrons)
     * @param intensity       m·|F|²·LP, arbitrary unit
     * @param intensityRel    intensity relative to the strongest line, 0–100
     */
    public record Peak(int h, int k, int l, double dA, double twoThetaDeg, int multiplicity, double fSquared,
                       double intensity, double intensityRel) {}

    /** Peaks between {@code twoThetaMinDeg} and {@code twoThetaMaxDeg}, sorted by 2θ. */
    public static List<Peak> peaks(Crystal crystal, Radiation rad, double twoThetaMinDeg, double twoThetaMaxDeg) {
        double lambda = rad.primaryWavelengthA();
        double thetaMax = Math.toRadians(Math.min(twoThetaMaxDeg, 179.9) / 2);
        double dMin = lambda / (2 * Math.sin(thetaMax));
        Lattice lat = crystal.lattice();
        double[][] rec = lat.reciprocalRows();
        int[] hmax = new int[3];
        for (int i = 0; i < 3; i++) hmax[i] = (int) Math.floor(lat.length(i) / dMin + 1e-9);
        List<double[]> refl = new ArrayList<>(); // h,k,l,d,F2
        double maxF2 = 0;
        for (int h = -hmax[0]; h <= hmax[0]; h++) {
            for (int k = -hmax[1]; k <= hmax[1]; k++) {
                for (int l = -hmax[2]; l <= hmax[2]; l++) {
                    if (h == 0 && k == 0 && l == 0) continue;
                    double gx = h * rec[0][0] + k * rec[1][0] + l * rec[2][0];
                    double gy = h * rec[0][1] + k * rec[1][1] + l * rec[2][1];
                    double gz = h * rec[0][2] + k * rec[1][2] + l * rec[2][2];
                    double d = 1 / Math.sqrt(gx * gx + gy * gy + gz * gz);
                    if (d < dMin * (1 - 1e-12)) continue;
                    double twoTheta = Math.toDegrees(2 * Math.asin(lambda / (2 * d)));
                    if (twoTheta < twoThetaMinDeg) continue;
                    double f2 = fSquared(crystal, rad.probe(), h, k, l, d);
                    maxF2 = Math.max(maxF2, f2);
                    refl.add(new double[] {h, k, l, d, f2});
                }
            }
        }
        refl.sort(Comparator.comparingDouble((double[] r) -> -r[3]));
        List<Peak> out = new ArrayList<>();
        double absent = 1e-8 * maxF2;
        int i = 0;
        while (i < refl.size()) {
            int j = i;
            double d0 = refl.get(i)[3];
            while (j < refl.size() && Math.abs(refl.get(j)[3] - d0) <= 1e-7 * d0) j++;
            // within equal d: group by |F|² (relative 1e-6)
            Map<Long, List<double[]>> byF = new HashMap<>();
            List<Long> order = new ArrayList<>();
            for (int q = i; q < j; q++) {
                double[] r = refl.get(q);
                if (r[4] <= absent) continue;
                long key = Math.round(r[4] / (1e-6 * maxF2));
                Long found = null;
                for (Long kk : order) if (Math.abs(kk - key) <= 1) found = kk;
                if (found == null) { found = key; order.add(key); byF.put(key, new ArrayList<>()); }
                byF.get(found).add(r);
            }
            for (Long key : order) {
                List<double[]> g = byF.get(key);
                double[] rep = representative(g);
                double theta = Math.asin(lambda / (2 * d0));
                double f2 = 0;
                for (double[] r : g) f2 += r[4];
                f2 /= g.size();
                double inten = g.size() * f2 * rad.lorentzPolarization(theta);
                out.add(new Peak((int) rep[0], (int) rep[1], (int) rep[2], d0, Math.toDegrees(2 * theta), g.size(), f2, inten, 0));
            }
            i = j;
        }
        double imax = out.stream().mapToDouble(Peak::intensity).max().orElse(1);
        List<Peak> rel = new ArrayList<>();
        for (Peak p : out) {
            rel.add(new Peak(p.h(), p.k(), p.l(), p.dA(), p.twoThetaDeg(), p.multiplicity(), p.fSquared(), p.intensity(),
                    100 * p.intensity() / imax));
        }
        rel.sort(Comparator.comparingDouble(Peak::twoThetaDeg));
        return List.copyOf(rel);
    }

    /** |F(hkl)|² at d-spacing {@code d} (Å). */
    public static double fSquared(Crystal crystal, Radiation.Probe probe, int h, int k, int l, double d) {
        double s = 1 / (2 * d);
        double q = 4 * Math.PI * s;
        double re = 0, im = 0;
        for (Crystal.Site site : crystal.sites()) {
            double amp = amplitude(site.scatterer(), probe, s);
            for (Crystal.Shell sh : site.shells()) {
                double qr = q * sh.radiusA();
                double avg = qr < 1e-8 ? 1 : Math.sin(qr) / qr;
                amp += sh.count() * amplitude(sh.scatterer(), probe, s) * avg;
            }
            amp *= site.occupancy() * Math.exp(-site.bIso() * s * s);
            double[] x = site.fractional();
            double phase = 2 * Math.PI * (h * x[0] + k * x[1] + l * x[2]);
            re += amp * Math.cos(phase);
            im += amp * Math.sin(phase);
        }
        return re * re + im * im;
    }

    private static double amplitude(String scatterer, Radiation.Probe probe, double s) {
        return probe == Radiation.Probe.XRAY ? ScatteringFactors.xray(scatterer, s) : ScatteringFactors.neutronFm(scatterer);
    }

    private static double[] representative(List<double[]> g) {
        double[] best = null;
        for (double[] r : g) {
            boolean canonical = r[0] >= r[1] && r[1] >= r[2] && r[2] >= 0;
            if (canonical && (best == null || !(best[0] >= best[1] && best[1] >= best[2] && best[2] >= 0))) best = r;
            else if (best == null) best = r;
            else if (!(best[0] >= best[1] && best[1] >= best[2] && best[2] >= 0) && compare(r, best) > 0) best = r;
        }
        return best;
    }

    private static int compare(double[] a, double[] b) {
        for (int i = 0; i < 3; i++) if (a[i] != b[i]) return Double.compare(a[i], b[i]);
        return 0;
    }
}
