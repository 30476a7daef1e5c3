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
     * @param sdEvPerAtom       sample standard deviation of e (NaN for one frame)
     * @param sigmaMeanEvPerAtom standard error of ⟨e⟩ (NaN for one frame)
     * @param atomsPerFrame     mean N
     * @param secondOrderEvPerAtom −(β/2) N Var(e), the second cumulant's term (NaN for one frame)
     * @param fluctuationKt     β N sd(e): a frame's offset fluctuation in units of kT (NaN for one frame)
     */
    public record Shift(int frames, double meanEvPerAtom, double sdEvPerAtom, double sigmaMeanEvPerAtom, double atomsPerFrame,
                        double secondOrderEvPerAtom, double fluctuationKt) {}

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

    /** One phase's shift at temperature T (K), the temperature of β. */
    public static Shift shift(Frames f, double temperatureK) {
        int n = f.atoms().length;
        double mean = 0, atoms = 0;
        for (int k = 0; k < n; k++) { mean += f.offsetsEvPerAtom()[k]; atoms += f.atoms()[k]; }
        mean /= n;
        atoms /= n;
        if (n < 2) return new Shift(1, mean, Double.NaN, Double.NaN, atoms, Double.NaN, Double.NaN);
        double ss = 0;
        for (double e : f.offsetsEvPerAtom()) ss += (e - mean) * (e - mean);
        double var = ss / (n - 1), beta = 1 / (Units.BOLTZMANN_EV_PER_K * temperatureK);
        return new Shift(n, mean, Math.sqrt(var), Math.sqrt(var / n), atoms, -0.5 * beta * atoms * var, beta * atoms * Math.sqrt(var));
    }

    /**
     * The reference's melting point from the model's (T_m, bracket; K), its latent heat (eV/atom, with its standard
     * error) and the two phases' labelled frames; β at T_m.
     */
    public static Result estimate(double modelMeltingK, double[] bracketK, double latentHeatEvPerAtom, double latentHeatSigma,
                                  Frames liquid, Frames crystal) {
        if (!(modelMeltingK > 0)) throw new IllegalArgumentException("the model's melting point must be positive, got " + modelMeltingK);
        if (!(latentHeatEvPerAtom > 0)) throw new IllegalArgumentException("the latent heat must be positive (liquid above crystal), got " + latentHeatEvPerAtom + " eV/atom");
        if (bracketK.length != 2 || bracketK[0] > bracketK[1]) throw new IllegalArgumentException("bracket {low, high} expected");
        Shift l = shift(liquid, modelMeltingK), c = shift(crystal, modelMeltingK);
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
        if (l.frames() < 2 || c.frames() < 2) {
            notes.add("a phase has one labelled frame: no spread, no standard error and no second-order term; label more frames");
        } else if (!converged) {
            notes.add(String.format(java.util.Locale.ROOT, "perturbation not converged: a frame's offset fluctuates by %.1f kT (liquid) and %.1f kT (crystal),"
                    + " above 1 kT, so the first-order (%.0f K) and second-order (%.0f K) values bound a range rather than give a number;"
                    + " the second-order term rests on a variance from few frames", l.fluctuationKt(), c.fluctuationKt(), t1, t2));
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
