package org.paddlewheel.analysis;

import org.paddlewheel.model.Units;

/**
 * Ionic conductivity of one mobile species. Nernst–Einstein (tracer) form
 * σ_NE = N q² e² D_tr / (V k_B T), with N ions of charge q (in e) in volume V (Å³) at temperature T (K)
 * and tracer diffusivity D_tr (cm²/s); the result in S/cm. The collective (charge) diffusivity
 * D_σ = lim MSD_c(t)/(6 N t), MSD_c being the MSD of the summed displacement Σ_i r_i of the N ions,
 * gives σ = N q² e² D_σ/(V k_B T) including cross-correlations, and the Haven ratio H_R = D_tr/D_σ.
 * D_σ is estimated by the same block-averaged fit as D_tr ({@link Diffusivity}) applied to the one
 * summed series; with one series per block it is noisy, so H_R is reported only when D_σ is
 * positive and at least twice its 1σ error ("statistics allow"); otherwise it is NaN.
 */
public final class IonicConductivity {
    private IonicConductivity() {}

    /**
     * Nernst–Einstein conductivity, S/cm.
     *
     * @param ions        number of mobile ions N
     * @param chargeE     ionic charge q in units of e
     * @param volumeA3    cell volume, Å³
     * @param temperatureK temperature, K
     * @param dCm2PerS    diffusivity, cm²/s
     */
    public static double nernstEinsteinSPerCm(int ions, double chargeE, double volumeA3, double temperatureK, double dCm2PerS) {
        double nPerM3 = ions / (volumeA3 * 1e-30);
        double q = chargeE * Units.ELEMENTARY_CHARGE_C;
        double dM2PerS = dCm2PerS * 1e-4;
        double sPerM = nPerM3 * q * q * dM2PerS / (Units.BOLTZMANN_J_PER_K * temperatureK);
        return sPerM / 100.0;
    }

    /**
     * Collective-diffusion result.
     *
     * @param dSigmaCm2PerS    D_σ, cm²/s
     * @param dSigmaStdCm2PerS its 1σ error, cm²/s
     * @param havenRatio       D_tr/D_σ, or NaN when statistics do not allow
     * @param havenRatioStd    1σ error of H_R by first-order propagation, or NaN
     * @param msdCollectiveA2  MSD of the summed displacement divided by N, Å² per lag
     */
    public record Collective(double dSigmaCm2PerS, double dSigmaStdCm2PerS, double havenRatio, double havenRatioStd,
                             double[] msdCollectiveA2) {}

    /**
     * Collective diffusivity from the summed-position series (channels 0..2 of {@code summed}: Σ_i r_i,
     * Å) of {@code ions} ions, and the Haven ratio against {@code tracer}.
     */
    public static Collective collective(SeriesStore summed, int ions, double timestepFs, int blocks,
                                        double fitStartFs, double fitEndFs, double[][] drift, Diffusivity.Result tracer) {
        double[][] d = null;
        if (drift != null) {
            d = new double[3][];
            for (int k = 0; k < 3; k++) {
                d[k] = drift[k].clone();
                for (int t = 0; t < d[k].length; t++) d[k][t] *= ions;
            }
        }
        Diffusivity.Result r = Diffusivity.analyse(summed, 1, timestepFs, blocks, fitStartFs, fitEndFs, d);
        double ds = r.dCm2PerS() / ions, dsStd = r.dStdCm2PerS() / ions;
        double[] msd = r.msdTotalA2().clone();
        for (int m = 0; m < msd.length; m++) msd[m] /= ions;
        double h = Double.NaN, hStd = Double.NaN;
        if (ds > 0 && ds >= 2 * dsStd && tracer.dCm2PerS() > 0) {
            h = tracer.dCm2PerS() / ds;
            double rel1 = tracer.dStdCm2PerS() / tracer.dCm2PerS(), rel2 = dsStd / ds;
            hStd = h * Math.sqrt(rel1 * rel1 + rel2 * rel2);
        }
        return new Collective(ds, dsStd, h, hStd, msd);
    }
}
