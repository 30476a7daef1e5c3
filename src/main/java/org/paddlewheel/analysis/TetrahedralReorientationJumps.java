package org.paddlewheel.analysis;

import java.util.List;
import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Molecule;
import org.paddlewheel.model.Structure;

/**
 * Counts reorientation jumps of tetrahedral anions (BH4⁻ in rock-salt NaBH4) two ways.
 *
 * <p><b>Turn rule</b> ({@link #jumps()}, the rate's count; needs no assumption about where the
 * minima are): a jump is counted when an anion has turned by more than {@code jumpAngleDeg} (60°)
 * from its reference orientation, the angle θ = 2 arccos|q₀| of the best rotation (Horn's quaternion,
 * as {@link QuaternionRotationEvents}) taking the reference centre→ligand unit vectors onto the
 * current ones, labelled ligands; the reference is then reset to the orientation {@code settleFs}
 * (100 fs) later, once the turn is over, and no jump is looked for in between. Discrete jumps of
 * 90° (S4), 120° (C3) or 180° (C2) count once each while librations of ±20–30° never reach 60°; a
 * jump and its return within the settling time count once, and any jump that starts within the settling
 * time of the last is missed: a dead time τ = τ_settle, which leaves the counted rate low by a fraction
 * ≈ kτ (2 % at k = 0.2/ps, 30 % at 3/ps) and is undone by {@link Rate#deadTimeCorrected}. This is the orientational analogue of
 * the displacement rule for ion hops (Jun et al., PNAS 2024).
 *
 * <p><b>Site rule</b> ({@link #siteJumps()}, {@link #switches()}, {@link #assignedFraction()}: tells
 * whether the anions sit where the Fm-3m structure puts them): the stable-states rule of transition-path counting:
 * a frame assigns an anion to a discrete orientation only when each of its four centre→ligand unit
 * vectors lies within {@code coneDeg} of a distinct cube corner and the four corners form one of the
 * two tetrahedra (even: (+,+,+), (+,−,−), (−,+,−), (−,−,+); odd: their inversion); a jump is counted
 * when an assigned orientation differs from the last assigned one, frames in between (mid-turn or
 * large librations) being "in transit". Ligands are labelled, so the 12 rotations of each tetrahedron
 * are told apart: a 90° turn about a cube axis (C4 of the cube, S4 of the anion) switches even ↔ odd
 * and is also counted as a {@code switch}; a 120° turn about a B–H bond (C3) or a 180° turn about a
 * cube axis (C2) keeps the corner set and is a jump that is not a switch. A return to the same state
 * after a failed excursion is not a jump. Corner directions are (±â₁ ± â₂ ± â₃)/√3 from the unit cell
 * vectors âᵢ, so the cell may be any cubic supercell (or slightly strained, as under a barostat); ligand
 * vectors use the minimum image. The cone must stay below half the 70.5° angle between neighbouring
 * corners (35.2°) for the assignment to be unique. With a model whose anions do not sit on ⟨111⟩
 * the assigned fraction is small and only the turn rule counts.
 *
 * <p>Frames must be fed in time order, equally spaced finely enough (≲ 50 fs) that no jump and
 * return fall between two frames. Times in fs, angles in degrees. The rate estimate and its Poisson
 * uncertainty are in {@link #rate}.
 */
public final class TetrahedralReorientationJumps {
    /** Largest allowed cone: half the angle between neighbouring cube corners, degrees. */
    public static final double MAX_CONE_DEG = 0.5 * Math.toDegrees(Math.acos(1.0 / 3.0));
    /** Default cone half-angle, degrees. */
    public static final double DEFAULT_CONE_DEG = 30.0;
    /** No orientation assigned yet. */
    private static final int NONE = -1;

    private final int[] centre;
    private final int[][] ligands;
    private final double cosCone;
    private final int[] committed;
    private final long[] jumpsOf;
    private long jumps, siteJumps, switches, assigned, seen;
    private final double cosHalfJump, settleFs;
    private final double[][] reference;
    private final double[] settleUntil;
    private final double[][] pair;
    private int frames;
    private double firstFs = Double.NaN, lastFs = Double.NaN;
    private final double[] d = new double[3];

    /** Default turn that counts as a jump, degrees. */
    public static final double DEFAULT_JUMP_DEG = 60.0;
    /** Default settling time after a jump before the reference orientation is reset, fs. */
    public static final double DEFAULT_SETTLE_FS = 100.0;

    /** With the default turn (60°) and settling time (100 fs). */
    public TetrahedralReorientationJumps(List<Molecule> tetrahedra, double coneDeg) {
        this(tetrahedra, coneDeg, DEFAULT_JUMP_DEG, DEFAULT_SETTLE_FS);
    }

    /**
     * @param tetrahedra   the anions: a centre and exactly four ligands each (atom indices of every frame)
     * @param coneDeg      half-angle of the cone around a cube corner inside which a ligand counts as on it, degrees
     * @param jumpAngleDeg turn from the reference orientation that counts as a jump (turn rule), degrees
     * @param settleFs     time after a jump before the reference is reset, fs
     */
    public TetrahedralReorientationJumps(List<Molecule> tetrahedra, double coneDeg, double jumpAngleDeg, double settleFs) {
        if (!(jumpAngleDeg > 0 && jumpAngleDeg < 180)) throw new IllegalArgumentException("the jump angle must lie in (0, 180)°, got " + jumpAngleDeg);
        if (!(settleFs >= 0)) throw new IllegalArgumentException("the settling time must be ≥ 0 fs, got " + settleFs);
        cosHalfJump = Math.cos(Math.toRadians(jumpAngleDeg) / 2);
        this.settleFs = settleFs;
        reference = new double[tetrahedra.size()][];
        settleUntil = new double[tetrahedra.size()];
        pair = new double[12][2];
        if (tetrahedra.isEmpty()) throw new IllegalArgumentException("no tetrahedral anions to follow");
        if (!(coneDeg > 0 && coneDeg < MAX_CONE_DEG)) {
            throw new IllegalArgumentException(String.format("the cone half-angle must lie in (0, %.1f)°, got %s", MAX_CONE_DEG, coneDeg));
        }
        int n = tetrahedra.size();
        centre = new int[n];
        ligands = new int[n][];
        for (int m = 0; m < n; m++) {
            Molecule mol = tetrahedra.get(m);
            if (mol.ligandCount() != 4) throw new IllegalArgumentException(mol + " is not a tetrahedron (" + mol.ligandCount() + " ligands)");
            centre[m] = mol.centre();
            ligands[m] = mol.ligands();
        }
        cosCone = Math.cos(Math.toRadians(coneDeg));
        committed = new int[n];
        java.util.Arrays.fill(committed, NONE);
        jumpsOf = new long[n];
    }

    /** Feeds the next frame (time {@code timeFs}, increasing). */
    public void accept(Structure frame, double timeFs) {
        if (frames > 0 && !(timeFs > lastFs)) throw new IllegalArgumentException("frames must come in increasing time, got " + timeFs + " fs after " + lastFs);
        if (frames == 0) firstFs = timeFs;
        lastFs = timeFs;
        frames++;
        Lattice l = frame.lattice();
        double[][] axis = new double[3][];
        for (int k = 0; k < 3; k++) {
            double[] v = l.vector(k);
            double n = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
            axis[k] = new double[] {v[0] / n, v[1] / n, v[2] / n};
        }
        for (int m = 0; m < centre.length; m++) {
            turn(frame, l, m, timeFs);
            int state = orientation(frame, l, axis, m);
            seen++;
            if (state == NONE) continue;
            assigned++;
            int before = committed[m];
            committed[m] = state;
            if (before == NONE || before == state) continue;
            siteJumps++;
            if (parity(before) != parity(state)) switches++;
        }
    }

    /** The turn rule for anion m (see the class comment). */
    private void turn(Structure s, Lattice l, int m, double timeFs) {
        double[] now = ligandUnitVectors(s, l, m);
        if (reference[m] == null) { reference[m] = now; return; }
        if (timeFs < settleUntil[m]) return;
        if (settleUntil[m] > 0) { reference[m] = now; settleUntil[m] = 0; return; }
        for (int k = 0; k < 12; k++) { pair[k][0] = reference[m][k]; pair[k][1] = now[k]; }
        double[] q = QuaternionRotationEvents.quaternion(pair, 4, 1);
        if (Math.abs(q[0]) < cosHalfJump) {   // θ = 2 arccos|q₀| > jump angle
            jumps++;
            jumpsOf[m]++;
            settleUntil[m] = timeFs + Math.max(settleFs, Double.MIN_NORMAL);
        }
    }

    private double[] ligandUnitVectors(Structure s, Lattice l, int m) {
        double[] out = new double[12];
        for (int k = 0; k < 4; k++) {
            int h = ligands[m][k];
            l.minimumImage(s.x(h, 0) - s.x(centre[m], 0), s.x(h, 1) - s.x(centre[m], 1), s.x(h, 2) - s.x(centre[m], 2), d, 0);
            double r = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
            for (int a = 0; a < 3; a++) out[3 * k + a] = d[a] / r;
        }
        return out;
    }

    /**
     * The orientation code of anion m in this frame: ligand k on corner c_k (3 bits: sign of the
     * projection on â₁, â₂, â₃) packed as c₀ | c₁≪3 | c₂≪6 | c₃≪9, or NONE when a ligand is outside
     * every cone or the corners do not form a tetrahedron.
     */
    private int orientation(Structure s, Lattice l, double[][] axis, int m) {
        int code = 0, used = 0;
        for (int k = 0; k < 4; k++) {
            int h = ligands[m][k];
            l.minimumImage(s.x(h, 0) - s.x(centre[m], 0), s.x(h, 1) - s.x(centre[m], 1), s.x(h, 2) - s.x(centre[m], 2), d, 0);
            double r = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
            int corner = 0;
            double cos = 0;
            for (int a = 0; a < 3; a++) {
                double p = (d[0] * axis[a][0] + d[1] * axis[a][1] + d[2] * axis[a][2]) / r;
                if (p < 0) corner |= 1 << a;
                cos += Math.abs(p);
            }
            // the nearest corner is the one with the projections' signs; cos of the angle to it = Σ|p_a|/√3
            if (cos / Math.sqrt(3) < cosCone) return NONE;
            if ((used & (1 << corner)) != 0) return NONE;
            used |= 1 << corner;
            code |= corner << (3 * k);
        }
        // four distinct corners of one parity are a whole tetrahedron
        int p0 = Integer.bitCount(code & 7) & 1;
        for (int k = 1; k < 4; k++) if ((Integer.bitCount((code >> (3 * k)) & 7) & 1) != p0) return NONE;
        return code;
    }

    /** 0 for the even tetrahedron, 1 for the odd one. */
    private static int parity(int code) { return Integer.bitCount(code & 7) & 1; }

    /** Anions followed. */
    public int molecules() { return centre.length; }

    /** Frames fed. */
    public int frames() { return frames; }

    /** Reorientation jumps of all anions by the turn rule. */
    public long jumps() { return jumps; }

    /** Reorientation jumps of all anions by the site rule (between ⟨111⟩ orientations). */
    public long siteJumps() { return siteJumps; }

    /** Site-rule jumps that switched between the two tetrahedra (90° turns about a cube axis). */
    public long switches() { return switches; }

    /** Turn-rule jumps of anion m. */
    public long jumps(int m) { return jumpsOf[m]; }

    /**
     * Index of dispersion of the per-anion jump counts, s²/n̄ (sample variance over mean; NaN without
     * jumps or with one anion): ≈ 1 ± √(2/(M − 1)) when every anion jumps as one Poisson process; above,
     * the anions differ or their jumps cluster (back-jumps), and √N understates the count's scatter.
     */
    public double dispersionIndex() {
        int n = centre.length;
        if (n < 2 || jumps == 0) return Double.NaN;
        double mean = (double) jumps / n, ss = 0;
        for (long j : jumpsOf) ss += (j - mean) * (j - mean);
        return ss / (n - 1) / mean;
    }

    /** Time spanned by the frames, fs (0 for one frame). */
    public double observedFs() { return frames < 2 ? 0 : lastFs - firstFs; }

    /** Fraction of (anion, frame) pairs assigned to an orientation (1 for rigid anions on ⟨111⟩). */
    public double assignedFraction() { return seen == 0 ? Double.NaN : (double) assigned / seen; }

    /**
     * Jump rate per anion with its Poisson uncertainty: k = N/(M t), σ_k = √N/(M t) for N jumps of M
     * anions observed for t; with no jump only the one-sided 95 % upper bound k &lt; −ln 0.05/(M t)
     * = 3.00/(M t) (P(0 | k) = e^(−kMt) = 0.05) is a result, and rate and σ are NaN.
     *
     * @param ratePerPs        k, 1/ps per anion
     * @param sigmaPerPs       σ_k, 1/ps
     * @param upper95PerPs     95 % upper bound, 1/ps (also given when N &gt; 0: (N + 1.645√N + 1)/(M t), a rough one)
     * @param residenceTimePs  mean residence time in one orientation, 1/k, ps (NaN without jumps)
     */
    public record Rate(long jumps, int molecules, double observedPs, double ratePerPs, double sigmaPerPs, double upper95PerPs,
                       double residenceTimePs) {
        /**
         * The rate corrected for a counter that is blind for {@code deadTimePs} after each jump, by the
         * non-paralysable dead-time model of counting statistics, n = m/(1 − mτ) for a counted rate m
         * (Knoll, Radiation Detection and Measurement, 4th ed., Eq. 4.7): k' = k/(1 − kτ),
         * σ' = σ/(1 − kτ)² (dk'/dk), the upper bound mapped the same way; NaN when kτ ≥ 1.
         */
        public Rate deadTimeCorrected(double deadTimePs) {
            if (!(deadTimePs >= 0)) throw new IllegalArgumentException("dead time must be ≥ 0");
            double f = 1 - ratePerPs * deadTimePs, fu = 1 - upper95PerPs * deadTimePs;
            double k = jumps == 0 ? Double.NaN : f > 0 ? ratePerPs / f : Double.NaN;
            return new Rate(jumps, molecules, observedPs, k, f > 0 ? sigmaPerPs / (f * f) : Double.NaN,
                    fu > 0 ? upper95PerPs / fu : Double.POSITIVE_INFINITY, 1 / k);
        }

        /**
         * The same rate with σ widened by √D for an index of dispersion D &gt; 1 of the per-anion counts
         * (overdispersed counts: σ² = D·N/(Mt)², as a quasi-Poisson model); unchanged for D ≤ 1 or NaN.
         */
        public Rate overdispersed(double dispersionIndex) {
            if (!(dispersionIndex > 1)) return this;
            return new Rate(jumps, molecules, observedPs, ratePerPs, sigmaPerPs * Math.sqrt(dispersionIndex), upper95PerPs, residenceTimePs);
        }

        /** The fraction of time the counter is blind, kτ (0 without jumps). */
        public double deadFraction(double deadTimePs) { return jumps == 0 ? 0 : ratePerPs * deadTimePs; }
    }

    /** The rate of {@code jumps} jumps of {@code molecules} anions in {@code observedPs} ps. */
    public static Rate rate(long jumps, int molecules, double observedPs) {
        if (molecules < 1 || !(observedPs > 0)) throw new IllegalArgumentException("a rate needs anions and a positive observed time");
        double exposure = molecules * observedPs;
        if (jumps == 0) return new Rate(0, molecules, observedPs, Double.NaN, Double.NaN, -Math.log(0.05) / exposure, Double.NaN);
        double k = jumps / exposure;
        return new Rate(jumps, molecules, observedPs, k, Math.sqrt(jumps) / exposure,
                (jumps + 1.645 * Math.sqrt(jumps) + 1) / exposure, 1 / k);
    }

    /** The counter's dead time after each jump (the settling time), ps. */
    public double deadTimePs() { return settleFs * 1e-3; }

    /** The rate of what has been fed so far. */
    public Rate rate() { return rate(jumps, centre.length, observedFs() * 1e-3); }
}
