package org.paddlewheel.cp2k;

import java.util.Locale;

/**
 * Level of theory and numerical settings of a CP2K Quickstep (GPW) calculation. The defaults are
 * the paper's level of theory, PBE without dispersion (Tsai et al., Experimental Section: VASP PAW
 * PBE), realised in CP2K with GTH-PBE pseudopotentials (Na with its 9-electron 2s2p semicore),
 * DZVP-MOLOPT-SR-GTH basis sets, Γ point only, and a plane-wave density cut-off that converges forces
 * (see forcefields/dft/README.md for the convergence series behind {@link #DEFAULT_CUTOFF_RY}).
 *
 * <p>Na's semicore GTH pseudopotential makes plain GPW forces noisy (egg-box error of the XC
 * grid): {@code xcSmoothing} switches on {@code XC_DERIV SPLINE2_SMOOTH} and
 * {@code XC_SMOOTH_RHO NN10}, which bring 800 and 1200 Ry to agreement at the 0.01–0.02 eV/Å level.
 *
 * @param functional      XC functional name as CP2K spells it (PBE)
 * @param d3              add Grimme D3(BJ) dispersion (dftd3.dat from cp2k-data)
 * @param cutoffRy        finest-grid density cut-off, Ry
 * @param relCutoffRy     relative cut-off mapping Gaussians to grids, Ry
 * @param basis           basis-set name used for every kind
 * @param xcSmoothing     smooth the XC grid (see above)
 * @param epsScf          SCF convergence (max density-matrix gradient), a.u.
 * @param maxScf          inner OT iterations per outer loop
 * @param maxOuterScf     outer SCF loops
 * @param charge          total charge of the cell, e (compensated by a uniform background)
 * @param populations     print Hirshfeld and Mulliken charges
 * @param kpoints         Monkhorst–Pack mesh (null: Γ point only, with OT); a mesh switches the SCF
 *                        to diagonalisation with Broyden mixing, as CP2K requires for k-points
 * @param otMinimizer     OT minimiser at Γ: "CG" (conjugate gradients with the FULL_ALL preconditioner, the default
 *                        since 3 Dec 2026) or "DIIS" (with FULL_SINGLE_INVERSE, the dataset's setting before then).
 *                        Measured on an 80-atom x = 1 snapshot (forcefields/dft/README.md, "SCF traps"): DIIS from the
 *                        atomic guess converged, by its own criterion, to a state 6.5 eV above the ground state that
 *                        CG found from the same guess in 61 steps; DIIS can stop at a stationary point that is no minimum.
 */
public record Cp2kSettings(String functional, boolean d3, double cutoffRy, double relCutoffRy, String basis,
                           boolean xcSmoothing, double epsScf, int maxScf, int maxOuterScf, int charge,
                           boolean populations, int[] kpoints, String otMinimizer) {
    /** Density cut-off converged for forces with XC smoothing (forcefields/dft/README.md), Ry. */
    public static final double DEFAULT_CUTOFF_RY = 800;
    /** Relative cut-off, Ry. */
    public static final double DEFAULT_REL_CUTOFF_RY = 60;

    public Cp2kSettings {
        if (!(cutoffRy > 0) || !(relCutoffRy > 0)) throw new IllegalArgumentException("CP2K cut-offs must be positive");
        if (!(epsScf > 0)) throw new IllegalArgumentException("EPS_SCF must be positive");
        if (maxScf < 1 || maxOuterScf < 1) throw new IllegalArgumentException("MAX_SCF must be at least 1");
        otMinimizer = otMinimizer == null ? "CG" : otMinimizer.toUpperCase(Locale.ROOT);
        if (!otMinimizer.equals("CG") && !otMinimizer.equals("DIIS")) throw new IllegalArgumentException("OT minimizer must be CG or DIIS, got " + otMinimizer);
    }

    /** The paper's level of theory with converged numerical settings. */
    public static Cp2kSettings paperDefaults() {
        return new Cp2kSettings("PBE", false, DEFAULT_CUTOFF_RY, DEFAULT_REL_CUTOFF_RY, "DZVP-MOLOPT-SR-GTH",
                true, 1e-6, 30, 20, 0, true, null, "CG");
    }

    /** Tiny-and-fast settings for tests: SZV basis, low cut-off, no smoothing. */
    public static Cp2kSettings smoke() {
        return new Cp2kSettings("PBE", false, 200, 30, "SZV-MOLOPT-SR-GTH", false, 1e-6, 30, 10, 0, false, null, "CG");
    }

    public Cp2kSettings withD3(boolean on) {
        return new Cp2kSettings(functional, on, cutoffRy, relCutoffRy, basis, xcSmoothing, epsScf, maxScf, maxOuterScf, charge, populations, kpoints, otMinimizer);
    }

    public Cp2kSettings withCutoff(double ry) {
        return new Cp2kSettings(functional, d3, ry, relCutoffRy, basis, xcSmoothing, epsScf, maxScf, maxOuterScf, charge, populations, kpoints, otMinimizer);
    }

    public Cp2kSettings withBasis(String b) {
        return new Cp2kSettings(functional, d3, cutoffRy, relCutoffRy, b, xcSmoothing, epsScf, maxScf, maxOuterScf, charge, populations, kpoints, otMinimizer);
    }

    public Cp2kSettings withXcSmoothing(boolean on) {
        return new Cp2kSettings(functional, d3, cutoffRy, relCutoffRy, basis, on, epsScf, maxScf, maxOuterScf, charge, populations, kpoints, otMinimizer);
    }

    public Cp2kSettings withCharge(int q) {
        return new Cp2kSettings(functional, d3, cutoffRy, relCutoffRy, basis, xcSmoothing, epsScf, maxScf, maxOuterScf, q, populations, kpoints, otMinimizer);
    }

    public Cp2kSettings withRelCutoff(double ry) {
        return new Cp2kSettings(functional, d3, cutoffRy, ry, basis, xcSmoothing, epsScf, maxScf, maxOuterScf, charge, populations, kpoints, otMinimizer);
    }

    /** Monkhorst–Pack mesh n1×n2×n3, or null for Γ only. */
    public Cp2kSettings withKpoints(int[] mesh) {
        return new Cp2kSettings(functional, d3, cutoffRy, relCutoffRy, basis, xcSmoothing, epsScf, maxScf, maxOuterScf, charge, populations,
                mesh == null ? null : mesh.clone(), otMinimizer);
    }

    /** OT minimiser at Γ, "CG" or "DIIS" (see the record's documentation). */
    public Cp2kSettings withOtMinimizer(String m) {
        return new Cp2kSettings(functional, d3, cutoffRy, relCutoffRy, basis, xcSmoothing, epsScf, maxScf, maxOuterScf, charge, populations, kpoints, m);
    }

    public Cp2kSettings withEpsScf(double eps) {
        return new Cp2kSettings(functional, d3, cutoffRy, relCutoffRy, basis, xcSmoothing, eps, maxScf, maxOuterScf, charge, populations, kpoints, otMinimizer);
    }

    /** One line naming the level of theory, for file headers and reports. */
    public String describe() {
        return String.format(Locale.ROOT, "%s%s/%s GTH, GPW %.0f Ry (rel %.0f)%s, %s, EPS_SCF %.0e%s",
                functional, d3 ? "+D3(BJ)" : "", basis.contains("{q}") ? basis + " (POTENTIAL_UZH)" : basis, cutoffRy, relCutoffRy,
                xcSmoothing ? ", XC smoothing SPLINE2_SMOOTH/NN10" : "",
                kpoints == null ? "Gamma" : "k-mesh " + kpoints[0] + "x" + kpoints[1] + "x" + kpoints[2], epsScf, charge != 0 ? ", charge " + charge : "")
                + (kpoints == null && otMinimizer.equals("DIIS") ? ", OT DIIS" : "");
    }
}
