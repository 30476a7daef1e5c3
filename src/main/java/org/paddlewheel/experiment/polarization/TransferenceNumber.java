package org.paddlewheel.experiment.polarization;

/**
 * Transference numbers from DC polarisation with first-order error propagation.
 * <ul>
 * <li>Ion-blocking electrodes (e.g. sputtered Au, the paper's cells): the steady-state current is
 *     carried by electrons alone, so t_el = I_ss/I0 and t_ion = (I0 − I_ss)/I0 (Wagner–Hebb; e.g.
 *     J. Maier, Physical Chemistry of Ionic Materials (Wiley 2004) §7.3).</li>
 * <li>Non-blocking (reversible) electrodes, Bruce–Vincent: t₊ = I_ss(ΔV − I0·R0)/(I0(ΔV − I_ss·R_ss)),
 *     R0 and R_ss the interfacial resistances from impedance before and after polarisation
 *     (J. Evans, C. A. Vincent, P. G. Bruce, Polymer 28 (1987) 2324).</li>
 * </ul>
 * Currents in A, voltage in V, resistances in Ω.
 */
public final class TransferenceNumber {
    private TransferenceNumber() {}

    /** {t_ion, σ} for ion-blocking electrodes. */
    public static double[] blocking(double i0, double i0Std, double iss, double issStd) {
        double t = (i0 - iss) / i0;
        double dI0 = iss / (i0 * i0), dIss = -1 / i0;
        return new double[] {t, Math.hypot(dI0 * i0Std, dIss * issStd)};
    }

    /** {t₊, σ} by Bruce–Vincent. */
    public static double[] bruceVincent(double v, double i0, double i0Std, double iss, double issStd,
                                        double r0, double r0Std, double rss, double rssStd) {
        double num = iss * (v - i0 * r0), den = i0 * (v - iss * rss);
        if (!(den != 0)) throw new IllegalArgumentException("ΔV − I_ss·R_ss = 0: Bruce–Vincent undefined");
        double t = num / den;
        // partial derivatives of t = Iss(V − I0 R0)/(I0(V − Iss Rss))
        double dI0 = (-iss * r0 * den - num * (v - iss * rss)) / (den * den);
        double dIss = ((v - i0 * r0) * den + num * i0 * rss) / (den * den);
        double dR0 = -iss * i0 / den;
        double dRss = num * i0 * iss / (den * den);
        double var = sq(dI0 * i0Std) + sq(dIss * issStd) + sq(dR0 * r0Std) + sq(dRss * rssStd);
        return new double[] {t, Math.sqrt(var)};
    }

    private static double sq(double x) { return x * x; }
}
