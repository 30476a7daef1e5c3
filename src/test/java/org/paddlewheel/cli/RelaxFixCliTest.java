package org.paddlewheel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paddlewheel.forcefield.TestCells;
import org.paddlewheel.io.Formats;
import org.paddlewheel.model.Structure;

/**
 * {@code relax --fix}: the held atoms (1-based) end exactly where they started while the rest of a
 * rattled cell moves (by more than 0.01 Å: the rattle is 0.1 Å; "exactly" is to 1e-9 Å, extxyz keeps 10 decimals); an atom number outside the structure
 * is refused with exit status 2 and no output file.
 */
class RelaxFixCliTest {
    @TempDir
    Path tmp;

    @Test
    void heldAtomsStayAndTheRestRelaxes() {
        Structure s = TestCells.antiperovskite(0, 2, 11, 0.1);
        Path in = tmp.resolve("in.extxyz"), out = tmp.resolve("out.extxyz");
        Formats.writeStructure(in, s, null);
        var r = CliRunner.run("relax", "-i", in.toString(), "--ff", "na-amide-borohydride", "--fix", "1,3-4", "--fmax", "0.05", "-o", out.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
        Structure t = Formats.readStructure(out, null);
        double[] a = s.positions(), b = t.positions();
        for (int i : new int[] {0, 2, 3}) for (int d = 0; d < 3; d++) assertThat(b[3 * i + d]).isCloseTo(a[3 * i + d], org.assertj.core.data.Offset.offset(1e-9));
        double moved = 0;
        for (int i = 4; i < s.size(); i++) {
            double dx = b[3 * i] - a[3 * i], dy = b[3 * i + 1] - a[3 * i + 1], dz = b[3 * i + 2] - a[3 * i + 2];
            moved = Math.max(moved, Math.sqrt(dx * dx + dy * dy + dz * dz));
        }
        assertThat(moved).isGreaterThan(0.01);

        Path out2 = tmp.resolve("out2.extxyz");
        var bad = CliRunner.run("relax", "-i", in.toString(), "--ff", "na-amide-borohydride", "--fix", "9999", "-o", out2.toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("9999");
        assertThat(out2).doesNotExist();
    }

    /**
     * {@code relax --fix-x}: the x coordinate of the plane-held atom stays to 1e-9 Å while its y and z relax (the
     * rattle displaced it up to 0.1 Å; the relaxed y or z must differ from the start's by more than 1e-3 Å), the
     * relaxed energy lies at or below the one with the same atom fully held (a looser constraint cannot end higher;
     * 1e-4 eV for the FIRE tolerance), and --fix-x with a moving cell is refused with exit status 2.
     */
    @Test
    void planeHeldAtomKeepsItsXOnly() {
        Structure s = TestCells.antiperovskite(0, 2, 12, 0.1);
        Path in = tmp.resolve("in.extxyz"), out = tmp.resolve("plane.extxyz"), full = tmp.resolve("full.extxyz");
        Formats.writeStructure(in, s, null);
        var r = CliRunner.run("relax", "-i", in.toString(), "--ff", "na-amide-borohydride", "--fix-x", "1", "--fmax", "0.02", "--json", "-o", out.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
        var f = CliRunner.run("relax", "-i", in.toString(), "--ff", "na-amide-borohydride", "--fix", "1", "--fmax", "0.02", "--json", "-o", full.toString());
        assertThat(f.exitCode()).as(f.err()).isEqualTo(0);
        Structure t = Formats.readStructure(out, null);
        assertThat(t.x(0, 0)).isCloseTo(s.x(0, 0), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Math.max(Math.abs(t.x(0, 1) - s.x(0, 1)), Math.abs(t.x(0, 2) - s.x(0, 2)))).isGreaterThan(1e-3);
        double ePlane = energy(r.out()), eFull = energy(f.out());
        assertThat(ePlane).isLessThanOrEqualTo(eFull + 1e-4);

        var bad = CliRunner.run("relax", "-i", in.toString(), "--ff", "na-amide-borohydride", "--fix-x", "1", "--cell", "isotropic",
                "-o", tmp.resolve("bad.extxyz").toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--fix-x");
        assertThat(tmp.resolve("bad.extxyz")).doesNotExist();
    }

    private static double energy(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).path("energy_eV").asDouble(Double.NaN);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
