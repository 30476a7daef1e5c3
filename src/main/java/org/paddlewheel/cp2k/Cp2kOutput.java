package org.paddlewheel.cp2k;

import java.nio.file.Path;
import java.util.List;
import org.paddlewheel.model.InputException;

/**
 * What a CP2K ENERGY_FORCE run printed, parsed from its main output file: total energy (eV),
 * forces (eV/Å), the analytical stress tensor converted to ASE's sign and unit convention (eV/Å³,
 * positive when the cell is under tension, i.e. minus CP2K's printed stress, whose trace/3 is the
 * pressure), Hirshfeld and Mulliken net charges (e), the SCF step count and the wall time.
 *
 * <p>CP2K prints energies in Hartree and forces in Hartree/bohr; it prints the stress in GPa. The
 * conversions use CODATA 2018 (Hartree = 27.211386245988 eV, bohr = 0.529177210903 Å).
 *
 * @param energyEv           total FORCE_EVAL energy, eV
 * @param forcesEvPerA       3N forces, eV/Å (null when not printed)
 * @param stressEvPerA3      9 components, row-major, ASE convention (null when not computed)
 * @param hirshfeld          N net charges, e (null when not printed)
 * @param mulliken           N net charges, e (null when not printed)
 * @param scfSteps           total SCF steps of the last outer loop report (0 when unknown)
 * @param wallSeconds        CP2K's own total wall time, s (NaN when missing)
 */
public record Cp2kOutput(double energyEv, double[] forcesEvPerA, double[] stressEvPerA3, double[] hirshfeld,
                         double[] mulliken, int scfSteps, double wallSeconds) {
    /** Hartree in eV (CODATA 2018). */
    public static final double HARTREE_EV = 27.211386245988;
    /** Bohr radius in Å (CODATA 2018). */
    public static final double BOHR_A = 0.529177210903;
    /** 1 GPa in eV/Å³. */
    public static final double GPA_TO_EV_PER_A3 = 1.0 / org.paddlewheel.model.Units.EV_PER_A3_TO_GPA;

    /** Reads {@code file}; a run that did not converge, crashed or printed nothing usable is an {@link InputException}. */
    public static Cp2kOutput read(Path file, int atoms) {
        List<String> lines = org.paddlewheel.io.CompressedInput.readAllLines(file);   // plain or .gz/.xz/.bz2
        return parse(lines, file.toString(), atoms);
    }

    /** Parses the lines of a CP2K output; {@code source} names it in errors. */
    public static Cp2kOutput parse(List<String> lines, String source, int atoms) {
        return parse(lines, source, atoms, true);
    }

    /**
     * As {@link #parse(List, String, int)}; with {@code requireEnd} false the lines may be one evaluation cut out
     * of a longer run (an optimisation step), which need not end with CP2K's closing banner.
     */
    static Cp2kOutput parse(List<String> lines, String source, int atoms, boolean requireEnd) {
        double energy = Double.NaN;
        double[] forces = null, stress = null, hirsh = null, mull = null;
        int scf = 0;
        double wall = Double.NaN;
        boolean ended = false;
        int energyLine = 0;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.contains("SCF run NOT converged") || l.contains("FAILED to converge")) {
                throw new InputException(source, i + 1, "CP2K SCF did not converge (raise --max-scf, loosen EPS_SCF, or start from a neighbour's wavefunction)");
            }
            if (l.startsWith(" ENERGY| Total FORCE_EVAL")) {
                energy = lastDouble(l, source, i) * HARTREE_EV;
                energyLine = i + 1;
            } else if (l.startsWith(" ATOMIC FORCES in [a.u.]")) {
                forces = new double[3 * atoms];
                int j = i + 1;
                while (j < lines.size() && !lines.get(j).contains("# Atom")) j++;
                for (int a = 0; a < atoms; a++) {
                    int ln = j + 1 + a;
                    if (ln >= lines.size()) throw new InputException(source, ln, "forces block ends before atom " + (a + 1) + " of " + atoms);
                    String[] t = lines.get(ln).trim().split("\\s+");
                    if (t.length < 6 || !t[0].equals(Integer.toString(a + 1))) {
                        throw new InputException(source, ln + 1, "expected the force on atom " + (a + 1) + " of " + atoms + ", found: " + lines.get(ln).trim());
                    }
                    for (int k = 0; k < 3; k++) forces[3 * a + k] = parse(t[3 + k], source, ln) * HARTREE_EV / BOHR_A;
                }
                i = j + atoms;
            } else if (l.startsWith(" STRESS| Analytical stress tensor [GPa]")) {
                stress = new double[9];
                for (int r = 0; r < 3; r++) {
                    int ln = i + 2 + r;
                    String[] t = ln < lines.size() ? lines.get(ln).trim().split("\\s+") : new String[0];
                    if (t.length != 5) throw new InputException(source, ln + 1, "expected a stress tensor row");
                    // CP2K prints the stress with the pressure sign (trace/3 = p); ASE's stress is its negative.
                    for (int c = 0; c < 3; c++) stress[3 * r + c] = -parse(t[2 + c], source, ln) * GPA_TO_EV_PER_A3;
                }
            } else if (l.contains("Hirshfeld Charges")) {
                hirsh = populations(lines, i, atoms, source, "#Atom");
            } else if (l.contains("Mulliken Population Analysis")) {
                mull = populations(lines, i, atoms, source, "#  Atom");
            } else if (l.contains("outer SCF loop converged in")) {
                String[] t = l.trim().split("\\s+");
                scf = (int) parse(t[t.length - 2], source, i);
            } else if (l.contains("*** SCF run converged in") && scf == 0) {
                String[] t = l.trim().split("\\s+");
                scf = (int) parse(t[t.length - 3], source, i);
            } else if (l.startsWith(" CP2K    ") && l.trim().split("\\s+").length == 7) {
                String[] t = l.trim().split("\\s+");
                wall = parse(t[6], source, i);
            } else if (l.contains("PROGRAM ENDED AT")) {
                ended = true;
            }
        }
        if (!ended && requireEnd) {
            String reason = abortReason(lines);
            throw new InputException(source, lines.size(), "CP2K did not finish" + (reason.isEmpty() ? " (crashed or was killed)" : ": " + reason));
        }
        if (Double.isNaN(energy)) throw new InputException(source, 0, "CP2K printed no total energy (is RUN_TYPE ENERGY_FORCE?)");
        if (forces == null) throw new InputException(source, energyLine, "CP2K printed no forces");
        return new Cp2kOutput(energy, forces, stress, hirsh, mull, scf, wall);
    }

    /**
     * The message inside CP2K's ABORT box, or "". The box draws a little figure in its first
     * columns and ends lines with '*'; the text sits between column 14 and the closing '*'.
     */
    static String abortReason(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).contains("[ABORT]")) continue;
            StringBuilder sb = new StringBuilder();
            for (int j = i + 1; j < Math.min(lines.size(), i + 12); j++) {
                String l = lines.get(j);
                if (l.trim().matches("\\*+") || l.isBlank()) break;
                int end = l.lastIndexOf('*');
                String t = l.length() > 14 && end > 14 ? l.substring(14, end).trim() : "";
                if (t.matches(".*\\.F:\\d+$")) t = t.replaceAll("\\S+\\.F:\\d+$", "").trim();
                if (!t.isEmpty()) sb.append(sb.length() > 0 ? " " : "").append(t);
            }
            return sb.toString().replaceAll("\\s+", " ");
        }
        return "";
    }

    private static double[] populations(List<String> lines, int start, int atoms, String source, String headerStart) {
        int j = start + 1;
        while (j < lines.size() && !(lines.get(j).trim().startsWith(headerStart.trim().substring(0, 1)) && lines.get(j).contains("Net charge"))) j++;
        double[] q = new double[atoms];
        for (int a = 0; a < atoms; a++) {
            int ln = j + 1 + a;
            if (ln >= lines.size()) throw new InputException(source, ln, "population block ends before atom " + (a + 1));
            String[] t = lines.get(ln).trim().split("\\s+");
            if (t.length < 4 || !t[0].equals(Integer.toString(a + 1))) {
                throw new InputException(source, ln + 1, "expected the population of atom " + (a + 1) + ", found: " + lines.get(ln).trim());
            }
            q[a] = parse(t[t.length - 1], source, ln);
        }
        return q;
    }

    private static double lastDouble(String l, String source, int i) {
        String[] t = l.trim().split("\\s+");
        return parse(t[t.length - 1], source, i);
    }

    private static double parse(String s, String source, int i) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new InputException(source, i + 1, "expected a number, found '" + s + "'");
        }
    }

    /** Net force Σ F_i, eV/Å (a measure of the grid's translational-symmetry breaking). */
    public double[] netForce() {
        double[] n = new double[3];
        for (int i = 0; i < forcesEvPerA.length; i++) n[i % 3] += forcesEvPerA[i];
        return n;
    }

    /** |Σ F_i|, eV/Å. */
    public double netForceNorm() {
        double[] n = netForce();
        return Math.sqrt(n[0] * n[0] + n[1] * n[1] + n[2] * n[2]);
    }
}
