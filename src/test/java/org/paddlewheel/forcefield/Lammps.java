package org.paddlewheel.forcefield;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Test helper: finds and runs the LAMMPS executable {@code lmp}, parses its log and dumps. */
public final class Lammps {
    private Lammps() {}

    /** True when {@code lmp} is on the PATH. */
    public static boolean available() {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String d : path.split(File.pathSeparator)) if (Files.isExecutable(Path.of(d, "lmp"))) return true;
        return false;
    }

    /** Runs {@code lmp -in in.lammps} in dir (1 rank), waits, fails on a non-zero exit. */
    public static void run(Path dir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("lmp", "-in", "in.lammps", "-log", "log.lammps", "-screen", "none")
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
}
