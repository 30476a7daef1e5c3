package org.paddlewheel.study;

import java.util.ArrayList;
import java.util.List;
import org.paddlewheel.model.Units;

/**
 * The melting point a reference method (the DFT a model was trained on) would give, estimated from the model's own
 * melting point T_m and latent heat ΔH_m (per atom) by thermodynamic perturbation. Each phase's free energy in the
 * reference is the model's plus −kT ln⟨exp(−β ΔU)⟩, ΔU = E_ref − E_model summed over a frame of the model's own
 * phase (Zwanzig 1954); to second order per atom that is ⟨e⟩ − (β/2) N Var(e), e = ΔU/N (the cumulant expansion,
 * exact for Gaussian ΔU). With δ the liquid's shift minus the crystal's and ΔG_m(T) ≈ ΔH_m (1 − T/T_m) near T_m,
 * the reference's coexistence lies where ΔH_m (1 − T/T_m) + δ = 0:
 * <pre>  T_ref = T_m (1 + δ/ΔH_m)  </pre>
 * to first order in δ/ΔH_m and with the entropy of melting unchanged. The expansion is trustworthy only while a
 * frame's offset fluctuates by less than kT (β N sd(e) &lt; 1, reported as {@code fluctuation_kT}); DFT-labelled
 * frames of 80 atoms with model errors of a few meV/atom already fluctuate by several kT, and then the first- and
 * second-order values only bound a range. Offsets must be compared at one composition (the absolute energies of
 * a fitted model are defined only up to per-element constants, which cancel in δ when the phases share one).
 * Temperatures in K, energies in eV per atom.
 */
public final class ReferenceMeltingPoint {
    private ReferenceMeltingPoint() {}

    /**
     * One phase's frames labelled by the reference: per-atom offsets e = (E_ref − E_model)/N (eV/atom) and atom counts.
     *
     * @param offsetsEvPerAtom e per frame
     * @param atoms            N per frame
     */
    public record Frames(double[] offsetsEvPerAtom, int[] atoms) {
        public Frames {
            if (offsetsEvPerAtom.length != atoms.length || atoms.length == 0) throw new IllegalArgumentException("one offset and one atom count per frame, at least one frame");
        }
    }

    /**
     * One phase's shift of the free energy per atom, reference minus model (eV/atom).
     *
     * @param frames            frames read
     * @param meanEvPerAtom     ⟨e⟩, the first-order shift
     * @param sdEvPerAtom       standard deviation of e behind the second-order term: the sample's, or pooled with the
     *                          spread frames' (NaN where no frame pair is known)
     * @param sigmaMeanEvPerAtom standard error of ⟨e⟩ from the phase's own frames (NaN for one frame)
     * @param atomsPerFrame     mean N
     * @param secondOrderEvPerAtom −(β/2) N Var(e), the second cumulant's term (NaN where no variance is known)
     * @param fluctuationKt     β N sd(e): a frame's offset fluctuation in units of kT (NaN where no variance is known)
     * @param varianceFrames    frames behind Var(e): the phase's own, plus the spread frames where given
     * @param spreadFrames      spread frames used (0 where none)
     * @param samplingShiftObservedEvPerAtom ⟨e⟩ of the own frames minus that of the spread frames (NaN without them)
     * @param samplingShiftExpectedEvPerAtom β N Var(e), what the own ensemble's preference for frames the model overbinds
     *                          adds to ⟨e⟩ for Gaussian offsets (NaN without spread frames)
     * @param samplingShiftSigmaEvPerAtom standard error of the observed shift (NaN without spread frames)
     */
    public record Shift(int frames, double meanEvPerAtom, double sdEvPerAtom, double sigmaMeanEvPerAtom, double atomsPerFrame,
                        double secondOrderEvPerAtom, double fluctuationKt, int varianceFrames, int spreadFrames,
                        double samplingShiftObservedEvPerAtom, double samplingShiftExpectedEvPerAtom, double samplingShiftSigmaEvPerAtom) {
        /** Whether the observed sampling shift lies within three standard errors of β N Var(e); null without spread frames. */
        public Boolean samplingShiftConsistent() {
            if (!Double.isFinite(samplingShiftObservedEvPerAtom) || !Double.isFinite(samplingShiftSigmaEvPerAtom)) return null;
            return Math.abs(samplingShiftObservedEvPerAtom - samplingShiftExpectedEvPerAtom) <= 3 * samplingShiftSigmaEvPerAtom;
        }
    }

    /**
     * The estimate.
     *
     * @param modelMeltingK        T_m of the model (K)
     * @param modelBracketK        the model's bracket {low, high} (K; equal ends when only a point is known)
     * @param latentHeatEvPerAtom  ΔH_m of the model (eV/atom)
     * @param latentHeatSigma      its standard error (eV/atom; 0 when given as exact)
     * @param liquid               the liquid's shift
     * @param crystal              the crystal's shift
     * @param firstOrderEvPerAtom  δ = ⟨e⟩_liquid − ⟨e⟩_crystal
     * @param firstOrderSigma      its standard error (NaN when a phase has one frame)
     * @param secondOrderEvPerAtom δ with both phases' second-cumulant terms (NaN when a phase has one frame)
     * @param referenceMeltingK    T_m (1 + δ/ΔH_m), first order (NaN where 1 + δ/ΔH_m ≤ 0)
     * @param referenceSigmaK      its standard error from δ's and ΔH_m's
     * @param referenceBracketK    the model's bracket ends scaled by the same factor
     * @param referenceSecondOrderK the same with the second-order δ
     * @param converged            every phase's fluctuation below 1 kT
     * @param notes                what limits the estimate, in words
     */
    public record Result(double modelMeltingK, double[] modelBracketK, double latentHeatEvPerAtom, double latentHeatSigma,
                         Shift liquid, Shift crystal, double firstOrderEvPerAtom, double firstOrderSigma, double secondOrderEvPerAtom,
                         double referenceMeltingK, double referenceSigmaK, double[] referenceBracketK, double referenceSecondOrderK,
                         boolean converged, List<String> notes) {}

    /** One phase's shift at temperature T (K), the temperature of β, from its own frames alone. */
    public static Shift shift(Frames f, double temperatureK) {
        return shift(f, List.of(), temperatureK);
    }

    /**
     * One phase's shift at temperature T (K), with Var(e) pooled over the phase's own frames and {@code spread}: groups of
     * frames of the same phase sampled otherwise (other models, seeds or runs), each group centred on its own mean. For
     * Gaussian offsets the spread of e is the same in every ensemble and only its mean moves: the model's own ensemble,
     * weighted by exp(−β E_model) = exp(−β E_ref) exp(β N e), favours the frames the model overbinds, which raises ⟨e⟩ by
     * β N Var(e) (a tilted Gaussian). That is the check reported beside the pooled variance: the own frames' ⟨e⟩ minus the
     * spread frames' against β N Var(e) (the spread frames stand in for an ensemble not tilted toward the model's errors).
     */
    public static Shift shift(Frames f, List<Frames> spread, double temperatureK) {
        int n = f.atoms().length;
        double mean = mean(f.offsetsEvPerAtom()), atoms = 0;
        for (int a : f.atoms()) atoms += a;
        atoms /= n;
        double ownSs = sumOfSquares(f.offsetsEvPerAtom(), mean), ss = ownSs, dof = n - 1, spreadSum = 0;
        int varianceFrames = n, spreadFrames = 0;
        for (Frames g : spread) {
            double m = mean(g.offsetsEvPerAtom());
            ss += sumOfSquares(g.offsetsEvPerAtom(), m);
            dof += g.atoms().length - 1;
            varianceFrames += g.atoms().length;
            spreadFrames += g.atoms().length;
            for (double e : g.offsetsEvPerAtom()) spreadSum += e;
        }
        double beta = 1 / (Units.BOLTZMANN_EV_PER_K * temperatureK);
        double sigmaMean = n > 1 ? Math.sqrt(ownSs / (n - 1) / n) : Double.NaN;
        if (dof < 1) return new Shift(n, mean, Double.NaN, sigmaMean, atoms, Double.NaN, Double.NaN, n, spreadFrames, Double.NaN, Double.NaN, Double.NaN);
        double var = ss / dof;
        double observed = Double.NaN, expected = Double.NaN, sigmaObserved = Double.NaN;
        if (spreadFrames > 0) {
            observed = mean - spreadSum / spreadFrames;
            expected = beta * atoms * var;
            sigmaObserved = Math.sqrt(var / n + var / spreadFrames);
        }
        return new Shift(n, mean, Math.sqrt(var), sigmaMean, atoms, -0.5 * beta * atoms * var, beta * atoms * Math.sqrt(var),
                varianceFrames, spreadFrames, observed, expected, sigmaObserved);
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) s += v;
        return s / x.length;
    }

    private static double sumOfSquares(double[] x, double mean) {
        double s = 0;
        for (double v : x) s += (v - mean) * (v - mean);
        return s;
    }

    /**
     * The reference's melting point from the model's (T_m, bracket; K), its latent heat (eV/atom, with its standard
     * error) and the two phases' labelled frames; β at T_m.
     */
    public static Result estimate(double modelMeltingK, double[] bracketK, double latentHeatEvPerAtom, double latentHeatSigma,
                                  Frames liquid, Frames crystal) {
        return estimate(modelMeltingK, bracketK, latentHeatEvPerAtom, latentHeatSigma, liquid, List.of(), crystal, List.of());
    }

    /**
     * The same with each phase's Var(e) pooled over spread frames ({@link #shift(Frames, List, double)}): groups of frames of
     * the phase sampled otherwise, which make the second-order term rest on more than the model's own few frames.
     */
    public static Result estimate(double modelMeltingK, double[] bracketK, double latentHeatEvPerAtom, double latentHeatSigma,
                                  Frames liquid, List<Frames> liquidSpread, Frames crystal, List<Frames> crystalSpread) {
        if (!(modelMeltingK > 0)) throw new IllegalArgumentException("the model's melting point must be positive, got " + modelMeltingK);
        if (!(latentHeatEvPerAtom > 0)) throw new IllegalArgumentException("the latent heat must be positive (liquid above crystal), got " + latentHeatEvPerAtom + " eV/atom");
        if (bracketK.length != 2 || bracketK[0] > bracketK[1]) throw new IllegalArgumentException("bracket {low, high} expected");
        Shift l = shift(liquid, liquidSpread, modelMeltingK), c = shift(crystal, crystalSpread, modelMeltingK);
        double d1 = l.meanEvPerAtom() - c.meanEvPerAtom();
        double s1 = Math.hypot(l.sigmaMeanEvPerAtom(), c.sigmaMeanEvPerAtom());
        double d2 = d1 + l.secondOrderEvPerAtom() - c.secondOrderEvPerAtom();
        double factor = 1 + d1 / latentHeatEvPerAtom;
        double t1 = factor > 0 ? modelMeltingK * factor : Double.NaN;
        double dT = Math.hypot(modelMeltingK / latentHeatEvPerAtom * s1, modelMeltingK * d1 / (latentHeatEvPerAtom * latentHeatEvPerAtom) * latentHeatSigma);
        double[] br = factor > 0 ? new double[] {bracketK[0] * factor, bracketK[1] * factor} : new double[] {Double.NaN, Double.NaN};
        double f2 = 1 + d2 / latentHeatEvPerAtom;
        double t2 = f2 > 0 ? modelMeltingK * f2 : Double.NaN;
        boolean converged = l.fluctuationKt() < 1 && c.fluctuationKt() < 1;
        List<String> notes = new ArrayList<>();
        if (!Double.isFinite(l.secondOrderEvPerAtom()) || !Double.isFinite(c.secondOrderEvPerAtom())) {
            notes.add("a phase has one labelled frame: no spread, no standard error and no second-order term; label more frames");
        } else if (!converged) {
            notes.add(String.format(java.util.Locale.ROOT, "perturbation not converged: a frame's offset fluctuates by %.1f kT (liquid) and %.1f kT (crystal),"
                    + " above 1 kT, so the first-order (%.0f K) and second-order (%.0f K) values bound a range rather than give a number;"
                    + " the second-order term rests on a variance from %d (liquid) and %d (crystal) frames", l.fluctuationKt(), c.fluctuationKt(),
                    t1, t2, l.varianceFrames(), c.varianceFrames()));
        }
        for (var e : List.of(java.util.Map.entry("liquid", l), java.util.Map.entry("crystal", c))) {
            Shift s = e.getValue();
            if (s.spreadFrames() == 0) continue;
            notes.add(String.format(java.util.Locale.ROOT, "%s: Var(e) pooled over %d frames (%d own, %d spread; Gaussian offsets assumed, whose"
                    + " spread is the same in every ensemble); the own frames lie %+.1f ± %.1f meV/atom from the spread frames, where"
                    + " β N Var(e) = %.1f meV/atom is what the model's own ensemble adds by favouring frames it overbinds: %s",
                    e.getKey(), s.varianceFrames(), s.frames(), s.spreadFrames(), 1e3 * s.samplingShiftObservedEvPerAtom(),
                    1e3 * s.samplingShiftSigmaEvPerAtom(), 1e3 * s.samplingShiftExpectedEvPerAtom(),
                    Boolean.TRUE.equals(s.samplingShiftConsistent()) ? "consistent (within 3 standard errors)"
                            : "inconsistent: the spread frames sample another state, or the offsets are not Gaussian; read the second order with care"));
        }
        if (Math.abs(d1) > 0.5 * latentHeatEvPerAtom) {
            notes.add(String.format(java.util.Locale.ROOT, "the shift (%.1f meV/atom) is more than half the latent heat (%.1f meV/atom): the linear"
                    + " ΔG_m(T) = ΔH_m (1 − T/T_m) is stretched far from T_m; read the number as a direction and a scale", 1e3 * d1, 1e3 * latentHeatEvPerAtom));
        }
        if (!java.util.Arrays.equals(java.util.Arrays.stream(liquid.atoms()).distinct().sorted().toArray(),
                java.util.Arrays.stream(crystal.atoms()).distinct().sorted().toArray())) {
            notes.add("the liquid and crystal frames differ in size (atoms per frame): make sure they share one composition, else δ holds"
                    + " per-element constants and means nothing");
        }
        if (!(factor > 0)) notes.add("1 + δ/ΔH_m ≤ 0: to this order the reference's liquid lies below its crystal at every temperature");
        notes.add("liquid and crystal frames must share one composition (per-element energy constants cancel only then) and should be the"
                + " model's own phases near T_m, at the densities the model gives them");
        return new Result(modelMeltingK, bracketK.clone(), latentHeatEvPerAtom, latentHeatSigma, l, c, d1, s1, d2, t1, dT, br, t2, converged, notes);
    }
}
