package org.paddlewheel.forcefield;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paddlewheel.model.Structure;

/**
 * The LAMMPS export of a model with UF3 3-body terms: {@code in.lammps} adds {@code uf3 3} to the
 * hybrid/overlay with one {@code pair_coeff * * uf3 FILE species…}, and the ML-UF3 file, read back
 * by the layout of the LAMMPS pair_uf3 documentation (knots in the order r_jk, r_ik, r_ij; the
 * coefficient lines c[l][m][:]), gives every triple's energy at test points to 1e-12 eV (17
 * significant digits written). Models outside ML-UF3's restrictions, or whose triples ML-UF3 would count differently
 * (intramolecular pairs in an arm basis, {@link MlUf3ArmRule}), are refused with the reason, before any file is written.
 * Not run in LAMMPS here (Debian's lmp has no ML-UF3); validate/ml-uf3-parity.sh and ShippedDftModelTest with PADDLEWHEEL_LMP run
 * the export in a LAMMPS built with it.
 */
class ThreeBodyLammpsExportTest {
    @TempDir
    Path tmp;

    @Test
    void writesInputAndAFileThatReadsBackToTheSameTriples() throws Exception {
        // arms from 2.4 Å: above the BH4's H–H distance (1.98 ± 0.36 Å at 700 K), which ML-UF3 would take as an arm
        ForceField ff = TripleModels.model(4, 2.4, 4.0, 3, 8.0, true, false);
        Structure s = TestCells.antiperovskite(0.5, 2, 3, 0.05);
        export(tmp, ff, s);
        String in = Files.readString(tmp.resolve("in.lammps"));
        assertThat(in).contains("pair_style hybrid/overlay coul/long").contains(" table linear ").contains(" uf3 3\n")
                .contains("pair_coeff * * uf3 uf3-3body.uf3 Na O B HB N HN\n").contains("needs a LAMMPS built with the ML-UF3");
        List<String> lines = Files.readAllLines(tmp.resolve(LammpsUf3File.FILE));
        int blocks3 = 0, blocks2 = 0;
        double worst = 0;
        double[] g = new double[3];
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).startsWith("#UF3 POT UNITS: metal")) continue;
            String[] h = lines.get(i + 1).trim().split("\\s+");
            if (h[0].equals("2B")) { blocks2++; assertThat(h).hasSize(6); continue; }
            assertThat(h).hasSize(7).startsWith("3B");
            blocks3++;
            int c = ff.speciesIndex(h[1]), a = ff.speciesIndex(h[2]), b = ff.speciesIndex(h[3]);
            double[] jk = nums(lines.get(i + 3)), ik = nums(lines.get(i + 4)), ij = nums(lines.get(i + 5));
            double[] sh = nums(lines.get(i + 6));
            int nl = (int) sh[0], nm = (int) sh[1], nn = (int) sh[2];
            List<Double> co = new ArrayList<>();
            for (int q = 0; q < nl * nm; q++) for (double v : nums(lines.get(i + 7 + q))) co.add(v);
            assertThat(lines.get(i + 7 + nl * nm)).isEqualTo("#");
            SplineTriple back = new SplineTriple(c, a, b, new double[][] {ij, ik, jk}, co.stream().mapToDouble(Double::doubleValue).toArray());
            assertThat(nn).isEqualTo(jk.length - 4);
            SplineTriple want = ff.splineTriples().stream().filter(t -> t.centre() == c && t.a() == a && t.b() == b).findFirst().orElseThrow();
            for (double[] r : new double[][] {{2.5, 3.3, 4.5}, {3.9, 2.5, 1.9}, {2.8, 2.8, 5.0}}) {
                worst = Math.max(worst, Math.abs(back.energy(r[0], r[1], r[2], g) - want.energy(r[0], r[1], r[2], g)));
            }
        }
        int nt = ff.species().size();
        assertThat(blocks2).isEqualTo(nt * (nt + 1) / 2);
        assertThat(blocks3).isEqualTo(nt * nt * (nt + 1) / 2);
        System.out.printf("ML-UF3 file: %d 2B and %d 3B blocks, worst read-back energy difference %.3g eV%n", blocks2, blocks3, worst);
        assertThat(worst).isCloseTo(0.0, Offset.offset(1e-12));
    }

    @Test
    void refusesTriplesOutsideMlUf3Restrictions() {
        ForceField ff = TripleModels.model(4, 2.0, 4.0, 3, 6.0, false, false);
        assertThat(LammpsUf3File.unsupported(ff)).contains("twice");
        assertThatThrownBy(() -> LammpsUf3File.write(tmp.resolve("x.uf3"), ff)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ML-UF3");
    }

    @Test
    void refusesWhatMlUf3WouldCountDifferentlyBeforeWritingAnything() {
        // every triple with bonded arms from 0.8 Å: ML-UF3 (special pairs kept in its list under kspace) would count the
        // B–H–H triple of two own bonds, which the engine leaves to the bonded angle: refused, no half-written input
        ForceField ff = TripleModels.bondedArmsModel(5, 0.8, 4.0, 3, 8.0);
        Structure s = TestCells.antiperovskite(1, 2, 3, 0.05);
        Path dir = tmp.resolve("export");
        assertThatThrownBy(() -> export(dir, ff, s))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two of B's own bonds").hasMessageContaining("LAMMPS");
        assertThat(dir).doesNotExist();
    }

    @Test
    void armRuleFollowsTheIntramolecularDistances() {
        // HB's partners in the test model: its B at r0 = 1.21 Å and the other HB at 2 r0 sin(θ0/2) = 1.98 Å
        // (3σ at 700 K: 0.17 and 0.36 Å). ML-UF3 takes an arm from the basis's first knot, so a non-bonded HB-centred
        // triple is refused when its arms start at 2.2 Å (inside 1.98 + 0.36) and written when they start at 2.4 Å.
        assertThat(MlUf3ArmRule.mismatch(TripleModels.model(4, 2.2, 4.0, 3, 8.0, false, false)))
                .contains("intramolecular HB–HB pair").contains("start it above 2.33");
        assertThat(MlUf3ArmRule.mismatch(TripleModels.model(4, 2.4, 4.0, 3, 8.0, false, false))).isNull();
        ForceField base = TestCells.model();
        var hb = MlUf3ArmRule.partners(base, base.speciesIndex("HB"));
        assertThat(hb).hasSize(2);
        assertThat(hb.get(1).distance()).isCloseTo(2 * 1.21 * Math.sin(Math.toRadians(109.4712) / 2), Offset.offset(0.01));
        assertThat(MlUf3ArmRule.partners(base, base.speciesIndex("Na"))).isEmpty();
    }

    @Test
    void nCentredBondedArmsOfTheCandidateExport() throws Exception {
        // the session-15 candidate: N-centred triples whose arms may be the amide's own N–H bonds (1.03 Å, inside its
        // HN arm bases from 0.8 and 0.9 Å) and whose two-bond triple has r_jk = 1.60 Å, below its r_jk basis (2.2 Å):
        // ML-UF3 counts exactly the engine's triples, so the model is written
        ForceField ff = ForceField.load(Path.of("forcefields/candidates/na-amide-borohydride-dft-3b.json"));
        assertThat(ff.splineTriples()).isNotEmpty().allMatch(SplineTriple::bondedArms);
        assertThat(LammpsUf3File.unsupported(ff)).isNull();
        Structure s = TestCells.antiperovskite(1, 2, 3, 0.05);
        export(tmp, ff, s);
        assertThat(Files.readString(tmp.resolve(LammpsUf3File.FILE))).contains("3B N Na HN 0 3 nk");
    }

    @Test
    void tiedConstantBelowAxesAreWrittenExactlyBelowRMin() {
        // the bundled model's triples hold their bases constant below r_min with c_0 = c_1 tied (session 26); ML-UF3 drops
        // an arm below the first knot, so the export moves that knot down (knot vector e×4, r_min×2, …; coefficients c_0
        // repeated) and the written triple, evaluated as ML-UF3 does (plain Cox–de Boor, nothing outside [first knot,
        // cut-off)), must equal the engine's constant-below term everywhere above e: to 1e-10 eV (rounding of ~1e2
        // products of eV-sized coefficients)
        ForceField ff = ForceField.resolve("na-amide-borohydride-dft");
        java.util.Random rnd = new java.util.Random(11);
        double worst = 0, lowest = Double.POSITIVE_INFINITY;
        int extended = 0, below = 0;
        double[] g = new double[3];
        for (SplineTriple t : ff.splineTriples()) {
            SplineTriple w = LammpsUf3File.forMlUf3(t, ff);
            for (int d = 0; d < 3; d++) {
                if (w.rMin(d) < t.rMin(d)) extended++;
                lowest = Math.min(lowest, w.rMin(d));
                assertThat(w.rMin(d)).isGreaterThanOrEqualTo(LammpsUf3File.LOWEST_KNOT_A).isLessThanOrEqualTo(t.rMin(d));
            }
            for (int k = 0; k < 400; k++) {
                double[] r = new double[3];
                for (int d = 0; d < 3; d++) r[d] = w.rMin(d) + rnd.nextDouble() * (w.rCut(d) - w.rMin(d));
                if (r[0] < t.rMin(0) || r[1] < t.rMin(1) || r[2] < t.rMin(2)) below++;
                worst = Math.max(worst, Math.abs(mlUf3Energy(w, r) - t.energy(r[0], r[1], r[2], g)));
            }
        }
        System.out.printf("bundled model for ML-UF3: %d of %d axes extended (lowest first knot %.2f Å), %d points below an original r_min,"
                + " worst |E_ML-UF3 − E_engine| %.2g eV%n", extended, 3 * ff.splineTriples().size(), lowest, below, worst);
        assertThat(extended).isGreaterThan(0);
        assertThat(below).isGreaterThan(1000);
        assertThat(worst).isLessThan(1e-10);
        assertThat(MlUf3ArmRule.mismatch(ff, ff.splineTriples().stream().map(t -> LammpsUf3File.forMlUf3(t, ff)).toList())).isNull();
    }

    @Test
    void untiedConstantBelowAxesAreLeftAsTheyAre() {
        // control: with c_1 ≠ c_0 along r_ij the constant continuation has a kink the extended spline cannot carry, so the
        // axis keeps its r_min, and ML-UF3 (nothing below r_min) then differs from the engine there
        ForceField ff = ForceField.resolve("na-amide-borohydride-dft");
        SplineTriple t = ff.splineTriples().stream().filter(x -> x.a() != x.b()).findFirst().orElseThrow();
        double[] co = t.coefficients();
        int[] sh = t.shape();
        for (int m = 0; m < sh[1]; m++) for (int n = 0; n < sh[2]; n++) if (t.free(1, m, n)) co[t.index(1, m, n)] += 0.05;
        SplineTriple untied = t.withCoefficients(co);
        SplineTriple w = LammpsUf3File.forMlUf3(untied, ff);
        assertThat(w.rMin(0)).isEqualTo(t.rMin(0));
        double[] r = {t.rMin(0) - 0.05, 0.5 * (t.rMin(1) + t.rCut(1)), 0.5 * (t.rMin(2) + t.rCut(2))};
        assertThat(mlUf3Energy(w, r)).isZero();
        assertThat(Math.abs(untied.energy(r[0], r[1], r[2], new double[3]))).isGreaterThan(1e-6);
    }

    /** E of one triple as ML-UF3 evaluates it: tensor product of Cox–de Boor cubics, 0 when a distance lies outside its knots. */
    static double mlUf3Energy(SplineTriple t, double[] r) {
        int[] sh = t.shape();
        double[][] b = new double[3][];
        for (int d = 0; d < 3; d++) {
            double[] k = t.knots(d);
            if (r[d] < k[0] || r[d] >= k[k.length - 1]) return 0;
            b[d] = new double[sh[d]];
            for (int i = 0; i < sh[d]; i++) b[d][i] = coxDeBoor(k, i, 3, r[d]);
        }
        double[] co = t.coefficients();
        double e = 0;
        for (int l = 0; l < sh[0]; l++) for (int m = 0; m < sh[1]; m++) for (int n = 0; n < sh[2]; n++) {
            e += co[t.index(l, m, n)] * b[0][l] * b[1][m] * b[2][n];
        }
        return e;
    }

    /** B_{i,p}(r) by the recursion's definition (0/0 taken as 0). */
    private static double coxDeBoor(double[] k, int i, int p, double r) {
        if (p == 0) return k[i] <= r && r < k[i + 1] ? 1 : 0;
        double a = k[i + p] > k[i] ? (r - k[i]) / (k[i + p] - k[i]) * coxDeBoor(k, i, p - 1, r) : 0;
        double c = k[i + p + 1] > k[i + 1] ? (k[i + p + 1] - r) / (k[i + p + 1] - k[i + 1]) * coxDeBoor(k, i + 1, p - 1, r) : 0;
        return a + c;
    }

    /** export-lammps's library call: a single-point input for s with ff into dir. */
    private static void export(Path dir, ForceField ff, Structure s) throws Exception {
        Topology top = Topology.build(ff, s);
        double q2 = 0;
        for (double c : top.charge) q2 += c * c;
        var p = EwaldSum.lammpsParameters(ff.ewaldAccuracy(), ff.cutoffAngstrom(), s.size(), q2, new Cell(s.lattice()));
        LammpsExport.write(dir, s, top, p, LammpsExport.Protocol.singlePoint());
    }

    private static double[] nums(String line) {
        return Arrays.stream(line.trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray();
    }
}
