package org.paddlewheel.forcefield;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.paddlewheel.model.Structure;

/** Test helper: finds and runs the LAMMPS executable {@code lmp}, parses its log and dumps. */
public final class Lammps {
    private Lammps() {}

    /**
     * The LAMMPS executable the tests run: {@code PADDLEWHEEL_LMP} if set (e.g. a build with ML-UF3, which Debian's
     * lmp lacks), else {@code lmp} on the PATH.
     */
    public static String exe() {
        String e = System.getenv("PADDLEWHEEL_LMP");
        return e == null || e.isBlank() ? "lmp" : e;
    }

    /** True when {@link #exe()} is runnable: the PADDLEWHEEL_LMP file, or {@code lmp} on the PATH. */
    public static boolean available() {
        if (!exe().equals("lmp")) return Files.isExecutable(Path.of(exe()));
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String d : path.split(File.pathSeparator)) if (Files.isExecutable(Path.of(d, "lmp"))) return true;
        return false;
    }

    /** Runs {@code lmp -in in.lammps} ({@link #exe()}) in dir (1 rank), waits, fails on a non-zero exit. */
    public static void run(Path dir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(exe(), "-in", "in.lammps", "-log", "log.lammps", "-screen", "none")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("stdout.txt").toFile()).start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("lmp timed out in " + dir);
        }
        if (p.exitValue() != 0) throw new IllegalStateException("lmp failed in " + dir + ": " + Files.readString(dir.resolve("stdout.txt")));
    }

    /** Thermo rows after the header that starts with "Step" (first run only), as numbers. */
    public static double[][] thermo(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        int h = -1;
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).trim().startsWith("Step")) { h = i; break; }
        if (h < 0) throw new IllegalStateException("no thermo header in " + log);
        java.util.ArrayList<double[]> rows = new java.util.ArrayList<>();
        for (int i = h + 1; i < lines.size(); i++) {
            String t = lines.get(i).trim();
            if (t.isEmpty() || !Character.isDigit(t.charAt(0)) && t.charAt(0) != '-') break;
            String[] w = t.split("\\s+");
            double[] r = new double[w.length];
            try {
                for (int k = 0; k < w.length; k++) r[k] = Double.parseDouble(w[k]);
            } catch (NumberFormatException e) {
                break;
            }
            rows.add(r);
        }
        return rows.toArray(new double[0][]);
    }

    /** Per-atom fx fy fz (3N, ordered by id) from the first frame of a custom dump "id fx fy fz". */
    public static double[] forces(Path dump, int n) throws IOException {
        List<String> lines = Files.readAllLines(dump);
        double[] f = new double[3 * n];
        int start = -1;
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).startsWith("ITEM: ATOMS")) { start = i + 1; break; }
        for (int k = 0; k < n; k++) {
            String[] w = lines.get(start + k).trim().split("\\s+");
            int id = Integer.parseInt(w[0]) - 1;
            for (int d = 0; d < 3; d++) f[3 * id + d] = Double.parseDouble(w[1 + d]);
        }
        return f;
    }

    /**
     * Single-point parity of the embedded engine with LAMMPS {@code run 0} on the same structure and
     * model (exported through {@link LammpsExport}): total energy within 1e-5 relative and per-atom
     * forces within 1e-3 eV/Å RMS, the engine issue's tolerances. Prints both codes' per-term energies.
     */
    public static void assertSinglePointParity(Path dir, ForceField ff, Structure s, String label) throws Exception {
        assertSinglePointParity(dir, ff, s, label, 1e-5);
    }

    /** As above with a relative energy tolerance of {@code energyTolerance}. */
    public static void assertSinglePointParity(Path dir, ForceField ff, Structure s, String label, double energyTolerance) throws Exception {
        Topology top = Topology.build(ff, s);
        Cell cell = new Cell(s.lattice());
        double[] f = new double[3 * s.size()];
        double e;
        EwaldSum.Parameters p;
        // Below PME_FROM_ATOMS this is the Ewald parity test (same α and k-vectors on both sides, 1e-5);
        // PME against PPPM is tested on larger cells (AUTO there), with its own tolerance.
        ForceEngine.KSpace kspace = s.size() >= ForceEngine.PME_FROM_ATOMS ? ForceEngine.KSpace.AUTO : ForceEngine.KSpace.EWALD;
        try (ForceEngine eng = new ForceEngine(top, cell, ForceEngine.Options.defaults().withKSpace(kspace))) {
            e = eng.compute(s.positions(), cell, f);
            p = eng.ewald().parameters();
            System.out.printf("%s paddlewheel: pair %.8f real %.8f rec %.8f self %.8f excl %.8f bond %.8f angle %.8f%n", label,
                    eng.energy(Term.PAIR), eng.energy(Term.COULOMB_REAL), eng.energy(Term.COULOMB_RECIPROCAL),
                    eng.energy(Term.COULOMB_SELF), eng.energy(Term.COULOMB_EXCLUSION), eng.energy(Term.BOND), eng.energy(Term.ANGLE));
        }
        // a fitted model's constant atom energies are left out of the LAMMPS export (LammpsExport): compare without them
        double[] ae = ff.atomEnergies();
        for (int i = 0; i < s.size(); i++) e -= ae[top.type[i]];
        LammpsExport.write(dir, s, top, p, LammpsExport.Protocol.singlePoint(), kspace);
        run(dir);
        double[] row = thermo(dir.resolve("log.lammps"))[0];
        double eL = row[1];
        double[] fL = forces(dir.resolve("forces.dump"), s.size());
        double ss = 0;
        for (int k = 0; k < f.length; k++) ss += (f[k] - fL[k]) * (f[k] - fL[k]);
        double rms = Math.sqrt(ss / s.size());
        System.out.printf("%s LAMMPS pe %.8f ebond %.8f eangle %.8f evdwl %.8f ecoul %.8f elong %.8f%n", label,
                row[1], row[2], row[3], row[4], row[5], row[6]);
        System.out.printf("%s E paddlewheel %.8f LAMMPS %.8f rel %.2g; force RMS diff %.2g eV/Å%n", label, e, eL,
                Math.abs(e - eL) / Math.abs(eL), rms);
        org.assertj.core.api.Assertions.assertThat(Math.abs(e - eL) / Math.abs(eL)).as(label).isLessThan(energyTolerance);
        org.assertj.core.api.Assertions.assertThat(rms).as(label).isLessThan(1e-3);
    }
}
