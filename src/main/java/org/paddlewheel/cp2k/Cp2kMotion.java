package org.paddlewheel.cp2k;

import java.util.List;
import java.util.Locale;
import org.paddlewheel.model.Structure;

/**
 * The {@code &MOTION} sections CP2K needs beyond a single point: geometry and cell optimisation
 * (BFGS; the paper relaxed to 0.01 eV/Å), climbing-image NEB ({@code &BAND}) and Langevin MD in
 * NVT or NPT_I/NPT_F with frozen atoms ({@code &CONSTRAINT &FIXED_ATOMS}). Units in the input: CP2K's
 * MAX_FORCE in Hartree/bohr, pressure in bar, time in fs, friction GAMMA in fs⁻¹.
 */
public final class Cp2kMotion {
    private Cp2kMotion() {}

    /** eV/Å in Hartree/bohr. */
    static double forceAu(double evPerA) { return evPerA / Cp2kOutput.HARTREE_EV * Cp2kOutput.BOHR_A; }

    /** Geometry ({@code cell=false}) or cell + geometry optimisation at {@code pressureGPa}. */
    public static String optimisation(boolean cell, double maxForceEvPerA, double pressureGPa, int maxIter) {
        StringBuilder b = new StringBuilder("&MOTION\n");
        String f = String.format(Locale.ROOT, "%.3E", forceAu(maxForceEvPerA));
        // CP2K stops only when every criterion holds; its displacement defaults (MAX_DR 3e-3 bohr)
        // are tighter than a force criterion of ~0.01 eV/Å needs, so they follow the force: RMS force
        // 2/3 of the largest, displacements scaled from CP2K's defaults by the same factor.
        double scale = Math.max(1, forceAu(maxForceEvPerA) / 4.5e-4);
        String crit = String.format(Locale.ROOT, "\n    RMS_FORCE %.3E\n    MAX_DR %.3E\n    RMS_DR %.3E",
                forceAu(maxForceEvPerA) * 2 / 3, 3e-3 * scale, 1.5e-3 * scale);
        if (cell) {
            b.append("  &CELL_OPT\n    TYPE DIRECT_CELL_OPT\n    OPTIMIZER BFGS\n    MAX_ITER ").append(maxIter)
                    .append("\n    MAX_FORCE ").append(f).append(crit)
                    .append(String.format(Locale.ROOT, "\n    EXTERNAL_PRESSURE %.3f\n", pressureGPa * 1e4))
                    .append("    PRESSURE_TOLERANCE 100\n  &END CELL_OPT\n");
        } else {
            b.append("  &GEO_OPT\n    OPTIMIZER BFGS\n    MAX_ITER ").append(maxIter).append("\n    MAX_FORCE ").append(f).append(crit).append("\n  &END GEO_OPT\n");
        }
        b.append(printEvery()).append("&END MOTION\n");
        return b.toString();
    }

    /**
     * Climbing-image NEB between {@code first} and {@code last} with {@code images} movable images
     * (CP2K interpolates the replicas linearly; {@code images + 2} replicas in all). Replicas are
     * spread over the MPI ranks ({@code NPROC_REP}) so small cells run several at once.
     */
    public static String band(Structure first, Structure last, int images, int ranks, double maxForceEvPerA, int maxSteps) {
        int replicas = images + 2;
        int procRep = Math.max(1, ranks / Math.min(replicas, ranks));
        StringBuilder b = new StringBuilder("&MOTION\n  &BAND\n    BAND_TYPE CI-NEB\n");
        b.append("    NUMBER_OF_REPLICA ").append(replicas).append("\n    NPROC_REP ").append(procRep).append('\n');
        b.append("    K_SPRING 0.05\n    ROTATE_FRAMES F\n    ALIGN_FRAMES F\n");
        b.append("    &CI_NEB\n      NSTEPS_IT 2\n    &END CI_NEB\n");
        b.append("    &OPTIMIZE_BAND\n      OPT_TYPE DIIS\n      &DIIS\n        MAX_STEPS ").append(maxSteps)
                .append("\n      &END DIIS\n    &END OPTIMIZE_BAND\n");
        b.append("    &CONVERGENCE_CONTROL\n      MAX_FORCE ").append(String.format(Locale.ROOT, "%.3E", forceAu(maxForceEvPerA)))
                .append("\n      RMS_FORCE ").append(String.format(Locale.ROOT, "%.3E", forceAu(maxForceEvPerA) * 2 / 3))
                .append("\n      MAX_DR 1.0E-2\n      RMS_DR 5.0E-3\n    &END CONVERGENCE_CONTROL\n");
        for (Structure s : List.of(first, unwrappedTowards(last, first))) {
            b.append("    &REPLICA\n      &COORD\n");
            for (int i = 0; i < s.size(); i++) {
                // BAND's replica COORD takes bare x y z in Å, in the order of the SUBSYS atoms.
                b.append(String.format(Locale.ROOT, "        %.10f %.10f %.10f\n", s.x(i, 0), s.x(i, 1), s.x(i, 2)));
            }
            b.append("      &END COORD\n    &END REPLICA\n");
        }
        b.append("    &PROGRAM_RUN_INFO\n      INITIAL_CONFIGURATION_INFO\n    &END PROGRAM_RUN_INFO\n");
        b.append("  &END BAND\n").append(printEvery()).append("&END MOTION\n");
        return b.toString();
    }

    /**
     * {@code last} with every atom moved by a lattice vector to the image nearest the same atom of {@code first}.
     * CP2K interpolates the band's images linearly between the replicas' Cartesian coordinates, with no
     * minimum image: an end point wrapped across the cell (an atom at x = 0.1 Å in one and 9.1 Å in the other)
     * drags that atom through the whole cell and puts it on top of others (measured: an image 100 eV above the
     * end points, 4 Dec 2026).
     */
    public static Structure unwrappedTowards(Structure last, Structure first) {
        double[] x = last.positions();
        for (int i = 0; i < last.size(); i++) {
            double[] d = first.lattice().minimumImage(new double[] {x[3 * i] - first.x(i, 0), x[3 * i + 1] - first.x(i, 1), x[3 * i + 2] - first.x(i, 2)});
            for (int k = 0; k < 3; k++) x[3 * i + k] = first.x(i, k) + d[k];
        }
        return last.withPositions(x, null);
    }

    /**
     * Langevin MD: {@code npt} selects NPT_I with CP2K's barostat (time constant {@code barostatFs}) at
     * {@code pressureGPa}; friction {@code frictionPerPs} (the paper's 10 ps⁻¹). {@code frozen} lists
     * 1-based atom indices held fixed (the paper's frozen-species runs).
     */
    public static String md(boolean npt, double temperatureK, double timestepFs, long steps, double frictionPerPs,
                            double pressureGPa, double barostatFs, int[] frozen, long trajectoryEverySteps) {
        StringBuilder b = new StringBuilder("&MOTION\n  &MD\n");
        b.append("    ENSEMBLE ").append(npt ? "NPT_I" : "LANGEVIN").append('\n');
        b.append("    STEPS ").append(steps).append('\n');
        b.append(String.format(Locale.ROOT, "    TIMESTEP %.4f\n    TEMPERATURE %.3f\n", timestepFs, temperatureK));
        // CP2K's Langevin GAMMA is in fs⁻¹.
        b.append(String.format(Locale.ROOT, "    &LANGEVIN\n      GAMMA %.6f\n    &END LANGEVIN\n", frictionPerPs / 1000.0));
        if (npt) {
            b.append(String.format(Locale.ROOT, "    &BAROSTAT\n      PRESSURE %.3f\n      TIMECON %.1f\n    &END BAROSTAT\n", pressureGPa * 1e4, barostatFs));
            // NPT_I couples a Nosé–Hoover thermostat to the particles; the Langevin part above is
            // used by the LANGEVIN ensemble only, so NPT runs use a CSVR thermostat with the
            // same relaxation time as the friction (1/γ).
            b.append(String.format(Locale.ROOT, "    &THERMOSTAT\n      TYPE CSVR\n      &CSVR\n        TIMECON %.1f\n      &END CSVR\n    &END THERMOSTAT\n",
                    1000.0 / frictionPerPs));
        }
        b.append("  &END MD\n");
        b.append(fixedAtoms(frozen));
        b.append(printEvery(trajectoryEverySteps)).append("&END MOTION\n");
        return b.toString();
    }

    /** {@code &CONSTRAINT &FIXED_ATOMS} for 1-based atom indices (empty for none). */
    static String fixedAtoms(int[] oneBased) {
        return fixedAtoms(oneBased, null);
    }

    /**
     * As {@link #fixedAtoms(int[])}, plus atoms of which only the x coordinate is held ({@code COMPONENTS_TO_FIX X}
     * in a second FIXED_ATOMS section; CP2K accepts the section repeated, checked with {@code cp2k.psmp --check}
     * and a run): a hopping ion kept on the dividing plane of a hop along x.
     */
    static String fixedAtoms(int[] oneBased, int[] xOnlyOneBased) {
        boolean all = oneBased != null && oneBased.length > 0, xo = xOnlyOneBased != null && xOnlyOneBased.length > 0;
        if (!all && !xo) return "";
        StringBuilder b = new StringBuilder("  &CONSTRAINT\n");
        if (all) list(b.append("    &FIXED_ATOMS\n"), oneBased).append("    &END FIXED_ATOMS\n");
        if (xo) list(b.append("    &FIXED_ATOMS\n      COMPONENTS_TO_FIX X\n"), xOnlyOneBased).append("    &END FIXED_ATOMS\n");
        return b.append("  &END CONSTRAINT\n").toString();
    }

    private static StringBuilder list(StringBuilder b, int[] oneBased) {
        for (int i = 0; i < oneBased.length; i += 20) {
            b.append("      LIST");
            for (int j = i; j < Math.min(oneBased.length, i + 20); j++) b.append(' ').append(oneBased[j]);
            b.append('\n');
        }
        return b;
    }

    static String printEvery() { return printEvery(1); }

    static String printEvery(long every) {
        return "  &PRINT\n    &TRAJECTORY\n      &EACH\n        MD " + every + "\n        GEO_OPT 1\n        CELL_OPT 1\n        BAND 1\n      &END EACH\n    &END TRAJECTORY\n"
                + "    &CELL\n      &EACH\n        MD " + every + "\n        GEO_OPT 1\n        CELL_OPT 1\n      &END EACH\n    &END CELL\n"
                + "    &RESTART\n      BACKUP_COPIES 0\n      &EACH\n        MD 20\n      &END EACH\n    &END RESTART\n  &END PRINT\n";
    }

    /** An {@code &EXT_RESTART} section that continues from {@code restartFile}. */
    public static String extRestart(String restartFile) {
        return "&EXT_RESTART\n  RESTART_FILE_NAME " + restartFile + "\n&END EXT_RESTART\n";
    }
}
