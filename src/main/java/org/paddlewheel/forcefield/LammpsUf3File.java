package org.paddlewheel.forcefield;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes a force field's UF3 3-body terms ({@link SplineTriple}) as a LAMMPS ML-UF3 potential file
 * ({@code pair_style uf3 3}, LAMMPS 27Jun2024 or later with the ML-UF3 package; format of the LAMMPS
 * pair_uf3 documentation): blocks opened by {@code #UF3 POT UNITS: metal …} and closed by {@code #};
 * a {@code 3B CENTRE J K 0 3 nk} block per (centre; j ≤ k) species triple with the line
 * {@code Rjk Rij Rik NKjk NKik NKij}, the knot vectors for r_jk, r_ik, r_ij (in that order), the tensor
 * shape {@code L M N} and L·M lines of N coefficients c[l][m][:] (eV), and a {@code 2B} block with zero
 * coefficients for every species pair (the 2-body part goes to {@code pair_style table}, which Debian's
 * LAMMPS can run; ML-UF3 requires 2-body blocks, and their cut-off, the 3-body arm cut-off, sets its
 * neighbour range). Triples the model lacks get zero blocks. Element names are the force field's species
 * names (mapped by {@code pair_coeff * * uf3 FILE names…}). ML-UF3 accepts only r_ij,cut = r_ik,cut and
 * r_jk,cut = 2 r_ij,cut and a trailing trim of 3 (our smooth cut-off), and it takes every neighbour in range as
 * an arm, intramolecular pairs included ({@link MlUf3ArmRule}); {@link #unsupported} says when a model cannot be
 * written. Debian's LAMMPS (29 Sep 2021) has no ML-UF3; a LAMMPS built with it reproduces the engine's energies and
 * forces for the bundled model (validate/ml-uf3-parity.sh, docs/uf3-three-body.md). Below a knot vector's r_min
 * paddlewheel continues the basis linearly (or, for {@code "below_r_min": "constant"}, holds it at its r_min value) and
 * ML-UF3 drops the arm. A constant-below axis whose first two coefficients are tied (every fit since 5 Dec 2026; the
 * force is then continuous at r_min) is written exactly down to a lower first knot ({@link #forMlUf3}): the knot vector
 * (r_min×4, t_4, …) becomes (e×4, r_min×2, t_4, …) and the coefficients (c_0, c_0, c_2, c_3, …) become (c_0, c_0, c_0,
 * c_0, c_2, c_3, …), since B′_{i+2} = B_i for i ≥ 2 and B′_0 + … + B′_3 = B_0 + B_1 above r_min (partition of unity),
 * = 1 below it; e is as low as {@link MlUf3ArmRule} allows (above every intramolecular distance the engine leaves out,
 * with its thermal margin) and at least {@value #LOWEST_KNOT_A} Å. The engine and ML-UF3 then differ only for an arm
 * below e.
 */
public final class LammpsUf3File {
    /** File name next to in.lammps. */
    public static final String FILE = "uf3-3body.uf3";
    /** The lowest first knot (Å) an extended constant-below axis gets ({@link #forMlUf3}). */
    public static final double LOWEST_KNOT_A = 0.5;
    /** Gap (Å) kept between an extended first knot and the farthest reach of an intramolecular distance it must exclude. */
    static final double KNOT_MARGIN_A = 0.05;

    private LammpsUf3File() {}

    /** Null if ff's 3-body terms fit ML-UF3's restrictions, else why not. */
    public static String unsupported(ForceField ff) {
        for (SplineTriple t : ff.splineTriples()) {
            String name = ff.species().get(t.centre()).name() + "-" + ff.species().get(t.a()).name() + "-" + ff.species().get(t.b()).name();
            if (t.rCut(0) != t.rCut(1)) return "triple " + name + ": ML-UF3 needs r_ij and r_ik cut-offs equal";
            if (t.rCut(2) != 2 * t.rCut(0)) return "triple " + name + ": ML-UF3 needs the r_jk cut-off to be twice r_ij's (" + 2 * t.rCut(0) + " Å)";
        }
        return MlUf3ArmRule.mismatch(ff, ff.splineTriples().stream().map(t -> forMlUf3(t, ff)).toList());
    }

    /**
     * The triple as ML-UF3 should read it: each constant-below axis with tied first coefficients (c_0lm = c_1lm for all
     * l, m along it) extended below r_min as described in the class comment, other axes unchanged; t itself when nothing
     * is extended. The result evaluates like t on [e, r_cut) of every axis without holding anything constant.
     */
    static SplineTriple forMlUf3(SplineTriple t, ForceField ff) {
        if (!t.constantBelow()) return t;
        double[][] k = {t.knots(0), t.knots(1), t.knots(2)};
        boolean[] ext = new boolean[3];
        int[] sh = t.shape();
        double[] co = t.coefficients();
        for (int d = 0; d < 3; d++) {
            double e = lowestFirstKnot(t, ff, d);
            if (!(e < k[d][0] - 1e-9) || !tied(t, d)) continue;
            double[] nk = new double[k[d].length + 2];
            java.util.Arrays.fill(nk, 0, 4, e);
            nk[4] = k[d][0];
            System.arraycopy(k[d], 3, nk, 5, k[d].length - 3);
            k[d] = nk;
            ext[d] = true;
        }
        if (!ext[0] && !ext[1] && !ext[2]) return t;
        int[] ns = {sh[0] + (ext[0] ? 2 : 0), sh[1] + (ext[1] ? 2 : 0), sh[2] + (ext[2] ? 2 : 0)};
        double[] out = new double[ns[0] * ns[1] * ns[2]];
        for (int l = 0; l < ns[0]; l++) for (int m = 0; m < ns[1]; m++) for (int n = 0; n < ns[2]; n++) {
            out[(l * ns[1] + m) * ns[2] + n] = co[t.index(source(l, ext[0]), source(m, ext[1]), source(n, ext[2]))];
        }
        return new SplineTriple(t.centre(), t.a(), t.b(), k, out, t.bondedArms(), false);
    }

    /** Index into the original axis of extended coefficient j: the four new leading ones repeat c_0 (= c_1). */
    private static int source(int j, boolean extended) { return !extended ? j : j < 4 ? 0 : j - 2; }

    /** Whether c_0 = c_1 along axis d for every index of the other two (to 1e-12 of the largest coefficient). */
    private static boolean tied(SplineTriple t, int d) {
        double scale = 0;
        for (double v : t.coefficients()) scale = Math.max(scale, Math.abs(v));
        return t.firstCoefficientGap(d) <= 1e-12 * scale;
    }

    /**
     * How low ML-UF3's basis of axis d may start so that it takes no pair the engine leaves out: above the reach of every
     * intramolecular centre–neighbour distance the engine does not take as an arm (arms), above the ligand–ligand reach of
     * a bonded-arm triple of two own bonds (r_jk), each plus {@value #KNOT_MARGIN_A} Å, and at least {@value #LOWEST_KNOT_A} Å.
     */
    static double lowestFirstKnot(SplineTriple t, ForceField ff, int d) {
        double e = LOWEST_KNOT_A;
        if (d < 2) {
            int species = d == 0 ? t.a() : t.b();
            for (MlUf3ArmRule.Partner p : MlUf3ArmRule.partners(ff, t.centre())) {
                if (p.species() != species || (p.bond() && t.bondedArms())) continue;
                e = Math.max(e, p.reach() + KNOT_MARGIN_A);
            }
        } else if (t.bondedArms() && t.a() == t.b()) {
            double reach = MlUf3ArmRule.twoBondReachA(ff, t.centre(), t.a());
            if (!Double.isNaN(reach)) e = Math.max(e, reach + KNOT_MARGIN_A);
        }
        return e;
    }

    public static void write(Path file, ForceField ff) throws IOException {
        String bad = unsupported(ff);
        if (bad != null) throw new IllegalArgumentException("cannot write the 3-body terms for LAMMPS ML-UF3: " + bad);
        List<SplineTriple> ts = ff.splineTriples();
        if (ts.isEmpty()) throw new IllegalArgumentException("no 3-body terms to write");
        int nt = ff.species().size();
        SplineTriple[] of = new SplineTriple[nt * nt * nt];
        double rc = 0;
        for (SplineTriple t : ts) { of[(t.centre() * nt + t.a()) * nt + t.b()] = forMlUf3(t, ff); rc = Math.max(rc, t.rCut(0)); }
        SplineTriple proto = ts.get(0);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            String head = "#UF3 POT UNITS: metal DATE: " + java.time.LocalDate.now() + " AUTHOR: paddlewheel CITATION: Xie2023 (3-body of "
                    + ff.name() + ")\n";
            double[] k2 = SplinePair.uniformKnots(0.5, rc, 4);
            for (int a = 0; a < nt; a++) for (int b = a; b < nt; b++) {
                w.write(head);
                w.write("2B " + name(ff, a) + " " + name(ff, b) + " 0 3 nk\n");
                w.write(f("%.17g %d%n", rc, k2.length));
                w.write(join(k2) + "\n" + (k2.length - 4) + "\n" + join(new double[k2.length - 4]) + "\n#\n");
            }
            for (int c = 0; c < nt; c++) for (int a = 0; a < nt; a++) for (int b = a; b < nt; b++) {
                SplineTriple t = of[(c * nt + a) * nt + b];
                if (t == null) t = new SplineTriple(c, a, b, new double[][] {proto.knots(0), proto.knots(0), proto.knots(2)},
                        new double[(proto.knots(0).length - 4) * (proto.knots(0).length - 4) * (proto.knots(2).length - 4)]);
                int[] sh = t.shape();
                w.write(head);
                w.write("3B " + name(ff, c) + " " + name(ff, a) + " " + name(ff, b) + " 0 3 nk\n");
                w.write(f("%.17g %.17g %.17g %d %d %d%n", t.rCut(2), t.rCut(0), t.rCut(1), sh[2] + 4, sh[1] + 4, sh[0] + 4));
                w.write(join(t.knots(2)) + "\n" + join(t.knots(1)) + "\n" + join(t.knots(0)) + "\n");
                w.write(f("%d %d %d%n", sh[0], sh[1], sh[2]));
                double[] co = t.coefficients();
                for (int l = 0; l < sh[0]; l++) for (int m = 0; m < sh[1]; m++) {
                    w.write(join(java.util.Arrays.copyOfRange(co, t.index(l, m, 0), t.index(l, m, 0) + sh[2])) + "\n");
                }
                w.write("#\n");
            }
        }
    }

    /** True if the LAMMPS executable {@code lmp} on the PATH lists pair style uf3 in {@code lmp -h}; false if not or not runnable. */
    public static boolean lammpsHasUf3(String exe) {
        try {
            Process p = new ProcessBuilder(exe, "-h").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            return out.matches("(?s).*\\buf3\\b.*");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String name(ForceField ff, int s) { return ff.species().get(s).name(); }

    private static String join(double[] v) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < v.length; k++) b.append(k == 0 ? "" : " ").append(f("%.17g", v[k]));
        return b.toString();
    }

    private static String f(String fmt, Object... a) { return String.format(Locale.ROOT, fmt, a); }
}
