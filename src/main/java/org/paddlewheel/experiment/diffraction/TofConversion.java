package org.paddlewheel.experiment.diffraction;

/**
 * Time-of-flight ↔ d-spacing for neutron powder diffraction, the conventional second-order
 * polynomial of GSAS (Larson &amp; Von Dreele, LAUR 86-748) used for the paper's NOMAD data (its Eq. 2):
 * TOF = ZERO + DIFC·d + DIFA·d², TOF in µs, d in Å, DIFC in µs/Å, DIFA in µs/Å², ZERO in µs.
 * The inverse takes the root continuous with the linear case, written in the cancellation-free form
 * d = 2(TOF − ZERO)/(DIFC + sqrt(DIFC² + 4·DIFA·(TOF − ZERO))). For a detector at total flight path
 * L and angle 2θ, DIFC = (m_n/h)·2L·sinθ = 252.7784·L[m]·2 sinθ µs/Å (h/m_n = 3956.034 m·Å/s, CODATA 2018).
 */
public record TofConversion(double zeroUs, double difcUsPerA, double difaUsPerA2) {
    /** h/m_n in m·Å/s: 6.62607015e-34 J s / 1.67492749804e-27 kg × 1e10 Å/m. */
    public static final double H_OVER_MN_M_ANGSTROM_PER_S = 6.62607015e-34 / 1.67492749804e-27 * 1e10;

    public TofConversion {
        if (!(difcUsPerA > 0) || !Double.isFinite(difcUsPerA)) throw new IllegalArgumentException("DIFC must be > 0 µs/Å, got " + difcUsPerA);
        if (!Double.isFinite(zeroUs) || !Double.isFinite(difaUsPerA2)) throw new IllegalArgumentException("ZERO and DIFA must be finite");
    }

    /** TOF in µs at d-spacing {@code dA} (Å). */
    public double tof(double dA) { return zeroUs + difcUsPerA * dA + difaUsPerA2 * dA * dA; }

    /**
     * d-spacing in Å at time of flight {@code tofUs} (µs).
     *
     * @throws IllegalArgumentException when no real d gives this TOF (negative DIFA, TOF past the turning point)
     */
    public double d(double tofUs) {
        double t = tofUs - zeroUs;
        double disc = difcUsPerA * difcUsPerA + 4 * difaUsPerA2 * t;
        if (disc < 0) throw new IllegalArgumentException("no d-spacing gives TOF = " + tofUs + " µs with DIFA = " + difaUsPerA2);
        return 2 * t / (difcUsPerA + Math.sqrt(disc));
    }

    /** DIFC in µs/Å for total flight path {@code pathM} (m) and scattering angle {@code twoThetaDeg}. */
    public static double difc(double pathM, double twoThetaDeg) {
        return 1e6 / H_OVER_MN_M_ANGSTROM_PER_S * pathM * 2 * Math.sin(Math.toRadians(twoThetaDeg) / 2);
    }
}
