package org.paddlewheel.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.Structure;

/**
 * The derived orthorhombic Na2(NH2)(BH4) cell: Somer et al.'s lattice, Z = 4 stoichiometry
 * conserved in every supercell, charge neutrality, and the vacancy order's defining property (every
 * NH2 has exactly 4 Na within the first shell, the two missing ones cis, i.e. at ~90°).
 */
class PbcmBuilderTest {
    static Map<Element, Integer> counts(Structure s) {
        Map<Element, Integer> m = new HashMap<>();
        for (int i = 0; i < s.size(); i++) m.merge(s.species(i), 1, Integer::sum);
        return m;
    }

    @Test
    void unitCellAndTheAimdSupercell() {
        for (int[] n : new int[][] {{1, 1, 1}, {2, 2, 1}}) {
            PbcmBuilder.Result r = PbcmBuilder.build(n[0], n[1], n[2], AntiperovskiteBuilder.Orientation.RANDOM, 1.8, 7, 20000);
            int cells = n[0] * n[1] * n[2];
            Map<Element, Integer> c = counts(r.structure());
            // Z = 4 formula units Na2(NH2)(BH4) per cell: Na 8, N 4, B 4, H 24
            assertThat(c.get(Element.NA)).isEqualTo(8 * cells);
            assertThat(c.get(Element.N)).isEqualTo(4 * cells);
            assertThat(c.get(Element.B)).isEqualTo(4 * cells);
            assertThat(c.get(Element.H)).isEqualTo(24 * cells);
            // charge: Na+ ×2 against NH2− and BH4− per formula unit
            assertThat(c.get(Element.NA) - c.get(Element.N) - c.get(Element.B)).isZero();
            double[] len = r.structure().lattice().lengths();
            assertThat(len[0]).isCloseTo(6.5384 * n[0], within(1e-9));
            assertThat(len[1]).isCloseTo(6.4960 * n[1], within(1e-9));
            assertThat(len[2]).isCloseTo(9.8512 * n[2], within(1e-9));
            assertThat(r.vacancies()).isEqualTo(4 * cells);
        }
    }

    @Test
    void everyAmideKeepsFourSodiumWithCisVacancies() {
        Structure s = PbcmBuilder.build(1, 1, 1, AntiperovskiteBuilder.Orientation.RANDOM, 1.8, 3, 20000).structure();
        var lat = s.lattice();
        for (int i = 0; i < s.size(); i++) {
            if (s.species(i) != Element.N) continue;
            int na = 0;
            double[] sum = new double[3];
            for (int j = 0; j < s.size(); j++) {
                if (s.species(j) != Element.NA) continue;
                double[] pi = s.position(i), pj = s.position(j);
                double[] d = lat.minimumImage(new double[] {pj[0] - pi[0], pj[1] - pi[1], pj[2] - pi[2]});
                double r = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
                // Na–N first shell: half a cubic edge, 2.30–2.46 Å in the strained box; next shell ≥ 4 Å
                if (r < 3.0) { na++; for (int k = 0; k < 3; k++) sum[k] += d[k] / r; }
            }
            assertThat(na).as("N atom " + i).isEqualTo(4);
            // four of six octahedral directions: trans vacancies would cancel (|Σ| = 0), cis leave |Σ| = √2
            assertThat(Math.sqrt(sum[0] * sum[0] + sum[1] * sum[1] + sum[2] * sum[2])).as("N atom " + i).isCloseTo(Math.sqrt(2), within(0.1));
        }
    }

    @org.junit.jupiter.api.Test
    void commandLineBuildsThePapersAimdCell(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) {
        java.nio.file.Path out = tmp.resolve("pbcm.vasp");
        int code = org.paddlewheel.cli.Main.commandLine().execute("build", "antiperovskite", "--x", "1", "--phase", "pbcm", "--supercell", "2x2x1",
                "-o", out.toString(), "--quiet");
        assertThat(code).isZero();
        Structure s = org.paddlewheel.io.Formats.readStructure(out, null);
        assertThat(s.size()).isEqualTo(4 * 40); // 4 cells × (8 Na + 4 B + 4 N + 24 H)
        int bad = org.paddlewheel.cli.Main.commandLine().execute("build", "antiperovskite", "--x", "0.5", "--phase", "pbcm", "-o", out.toString());
        assertThat(bad).isEqualTo(2);
    }
}
