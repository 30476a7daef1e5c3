package org.paddlewheel.cli;

import org.paddlewheel.cp2k.Cp2kRunner;
import org.paddlewheel.cp2k.Cp2kSettings;
import picocli.CommandLine.Option;

/**
 * Options shared by every command that runs CP2K (the {@code dft} verbs, {@code md --engine cp2k},
 * {@code study --engine cp2k}): level of theory, numerical settings and MPI ranks. Builds the
 * library's {@link Cp2kSettings} and {@link Cp2kRunner}. Defaults are the paper's PBE without
 * dispersion at converged settings (forcefields/dft/README.md).
 */
public final class DftOptions {
    @Option(names = "--ranks", defaultValue = "2", description = "MPI ranks for CP2K (mpirun -np N, OMP_NUM_THREADS=1; default ${DEFAULT-VALUE}).")
    public int ranks;
    @Option(names = "--cutoff", defaultValue = "800Ry", converter = Converters.CutoffRy.class,
            description = "Plane-wave density cut-off, Ry (default ${DEFAULT-VALUE}; converged for forces with XC smoothing).")
    public double cutoffRy;
    @Option(names = "--rel-cutoff", defaultValue = "60Ry", converter = Converters.CutoffRy.class, description = "REL_CUTOFF, Ry (default ${DEFAULT-VALUE}).")
    public double relCutoffRy;
    @Option(names = "--d3", description = "Add Grimme D3(BJ) dispersion (default off: the paper used plain PBE).")
    public boolean d3;
    @Option(names = "--basis", defaultValue = "DZVP-MOLOPT-SR-GTH", description = "Basis set for every element; {q} stands for the element's GTH valence,"
            + " e.g. TZVP-MOLOPT-PBE-GTH-q{q} from BASIS_MOLOPT_UZH (default ${DEFAULT-VALUE}).")
    public String basis;
    @Option(names = "--no-xc-smoothing", description = "Plain GPW XC grid (default: SPLINE2_SMOOTH + NN10 smoothing, which Na's semicore forces need).")
    public boolean noXcSmoothing;
    @Option(names = "--eps-scf", defaultValue = "1e-6", description = "SCF convergence, a.u. (default ${DEFAULT-VALUE}).")
    public double epsScf;
    @Option(names = "--charge", defaultValue = "0", description = "Total charge of the cell, e (uniform compensating background; default ${DEFAULT-VALUE}).")
    public int charge;

    @Option(names = "--kpoints", description = "Monkhorst–Pack mesh such as 4x4x4 for small cells (default: Γ only, OT SCF).")
    public String kpoints;

    @Option(names = "--ot-minimizer", defaultValue = "CG", description = "OT minimiser at Γ: CG (with the FULL_ALL preconditioner) or DIIS"
            + " (with FULL_SINGLE_INVERSE; faster, but stopped 6.5 eV above the ground state on an 80-atom snapshot) (default ${DEFAULT-VALUE}).")
    public String otMinimizer;

    /** The settings these options describe. */
    public Cp2kSettings settings() {
        return Cp2kSettings.paperDefaults().withCutoff(cutoffRy).withD3(d3).withBasis(basis)
                .withXcSmoothing(!noXcSmoothing).withEpsScf(epsScf).withCharge(charge).withRelCutoff(relCutoffRy)
                .withKpoints(kpoints == null ? null : mesh(kpoints)).withOtMinimizer(otMinimizer);
    }

    static int[] mesh(String s) {
        String[] t = s.toLowerCase(java.util.Locale.ROOT).split("x");
        if (t.length != 3) throw new org.paddlewheel.model.InputException("--kpoints: expected N1xN2xN3 such as 4x4x4, got '" + s + "'");
        int[] m = new int[3];
        for (int i = 0; i < 3; i++) {
            try {
                m[i] = Integer.parseInt(t[i].trim());
            } catch (NumberFormatException e) {
                m[i] = 0;
            }
            if (m[i] < 1) throw new org.paddlewheel.model.InputException("--kpoints: expected positive integers N1xN2xN3, got '" + s + "'");
        }
        return m;
    }

    /** The CP2K on this machine with {@link #ranks} ranks (an error naming the Debian packages when missing). */
    public Cp2kRunner runner() { return Cp2kRunner.find(ranks); }
}
