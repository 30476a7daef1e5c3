package org.paddlewheel.forcefield;

import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.paddlewheel.model.Structure;

/**
 * Single-point parity with Debian's LAMMPS ({@code lmp}, 2021/2022 builds, no ML-UF3) for a model
 * whose short-range part is UF3 spline pairs exported as {@code pair_style table linear 20000}
 * beside {@code coul/long} + {@code kspace_style ewald} (same α and k-vectors), with and without the
 * bundled Buckingham pairs kept ({@code hybrid/overlay buck/coul/long … table}). 3x3x3 x = 0.5
 * antiperovskite (0.1 Å rattle), splines on [1.6, 5.0] Å with 10 spans. Tolerances as the existing
 * parity test: total energy within 1e-5 relative, forces within 1e-3 eV/Å RMS per atom. What is
 * left besides the existing Ewald differences (erfc polynomial, k_e): the table's linear
 * interpolation in r², ≈ 1e-8 eV per pair at these distances ({@link LammpsTable}). Skipped when
 * {@code lmp} is absent.
 */
class SplineLammpsParityTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "keep Buckingham = {0}")
    @ValueSource(booleans = {false, true})
    void singlePointMatchesLammpsTable(boolean keepBuckingham) throws Exception {
        Assumptions.assumeTrue(Lammps.available(), "lmp not on PATH");
        long seed = 7;
        Structure s = TestCells.antiperovskite(0.5, 3, seed, 0.1);
        ForceField ff = SplineModels.model(31, 1.6, 5.0, 10, keepBuckingham);
        Lammps.assertSinglePointParity(tmp, ff, s, String.format("uf3 table, buck %s, seed %d", keepBuckingham, seed));
        // the short-range part alone: LAMMPS evdwl (table + buck) against the engine's uf3 + pair terms
        double evdwl = Lammps.thermo(tmp.resolve("log.lammps"))[0][4];
        Cell cell = new Cell(s.lattice());
        double ours;
        try (ForceEngine eng = new ForceEngine(Topology.build(ff, s), cell, ForceEngine.Options.defaults())) {
            eng.compute(s.positions(), cell, new double[3 * s.size()]);
            ours = eng.energy(Term.SPLINE) + eng.energy(Term.PAIR);
        }
        System.out.printf("uf3 short-range: paddlewheel %.8f eV, LAMMPS evdwl %.8f eV, diff %.2g eV%n", ours, evdwl, ours - evdwl);
        org.assertj.core.api.Assertions.assertThat(Math.abs(ours - evdwl)).as("seed %d", seed).isLessThan(TABLE_TOLERANCE_EV);
    }

    /**
     * ≈ 1e4 pairs within 5 Å in this 3x3x3 cell, each tabulated to ≈ 1e-8 eV, and LAMMPS prints
     * evdwl with 14 significant digits (1e-12 eV here): 1e-4 eV bounds the sum even if every
     * interpolation error had the same sign.
     */
    static final double TABLE_TOLERANCE_EV = 1e-4;
}
