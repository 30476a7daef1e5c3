package org.paddlewheel.experiment.diffraction;

import java.util.List;

/**
 * Synthesises a continuous powder pattern from a peak list: each line (and each extra wavelength of
 * the {@link Radiation}, e.g. Cu Kα2 at half weight, placed by Bragg's law at the same d) is a
 * pseudo-Voigt pV = η·L + (1−η)·G of unit area with the Caglioti width FWHM² = U tan²θ + V tanθ + W
 * (degrees²; G. Caglioti et al., Nucl. Instrum. 3 (1958) 223). Intensities are normalised to 100.
 *
 * @param uDeg2 Caglioti U, deg²
 * @param vDeg2 Caglioti V, deg²
 * @param wDeg2 Caglioti W, deg² (W alone gives a constant FWHM = √W)
 * @param eta   Lorentzian fraction η in [0, 1]
 */
public record PseudoVoigtProfile(double uDeg2, double vDeg2, double wDeg2, double eta) {
    public PseudoVoigtProfile {
        if (!(eta >= 0 && eta <= 1)) throw new IllegalArgumentException("pseudo-Voigt η must lie in [0, 1], got " + eta);
    }

    /** FWHM in degrees at 2θ (degrees). */
    public double fwhmDeg(double twoThetaDeg) {
        double t = Math.tan(Math.toRadians(twoThetaDeg / 2));
        double h2 = uDeg2 * t * t + vDeg2 * t + wDeg2;
        if (!(h2 > 0)) throw new IllegalArgumentException("Caglioti FWHM² = " + h2 + " ≤ 0 at 2θ = " + twoThetaDeg);
        return Math.sqrt(h2);
    }

    /** Intensity (max 100) on the 2θ grid {@code twoThetaDeg}. */
    public double[] render(List<PowderPattern.Peak> peaks, Radiation rad, double[] twoThetaDeg) {
        double[] y = new double[twoThetaDeg.length];
        double[] lambdas = rad.wavelengthsA();
        double[] weights = rad.weights();
        for (PowderPattern.Peak p : peaks) {
            for (int w = 0; w < lambdas.length; w++) {
                double sin = lambdas[w] / (2 * p.dA());
                if (sin >= 1) continue;
                double centre = Math.toDegrees(2 * Math.asin(sin));
                double h = fwhmDeg(centre);
                double area = p.intensity() * weights[w];
                double gNorm = 2 / h * Math.sqrt(Math.log(2) / Math.PI);
                for (int i = 0; i < y.length; i++) {
                    double x = twoThetaDeg[i] - centre;
                    if (Math.abs(x) > 40 * h) continue;
                    double z = 4 * x * x / (h * h);
                    double g = gNorm * Math.exp(-Math.log(2) * z);
                    double l = 2 / (Math.PI * h) / (1 + z);
                    y[i] += area * (eta * l + (1 - eta) * g);
                }
            }
        }
        double max = 0;
        for (double v : y) max = Math.max(max, v);
        if (max > 0) for (int i = 0; i < y.length; i++) y[i] *= 100 / max;
        return y;
    }
}
