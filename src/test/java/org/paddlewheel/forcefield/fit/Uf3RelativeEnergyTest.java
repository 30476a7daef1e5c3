package org.paddlewheel.forcefield.fit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paddlewheel.io.LabelledXyz;

/**
 * {@code fit-ff --relative-energy GLOB}: the synthetic set of {@link Uf3RecoveryTest} with the random Na8O4 cells given
 * the error the Γ-only 2x2x1 DFT scans carry (measured 3 Dec 2026: +52 meV/atom and +1.05 GPa against the same
 * configuration doubled to 2x2x2, forces within 0.05 eV/Å): energy +0.052 eV/atom and pressure +1.05 GPa on every one of
 * them, grouped three to a group as a scan is. Fitted with {@code --relative-energy 'random-*'} those cells count only by
 * their energy differences within the group and their deviatoric stress, so the rest of the (exactly representable) data
 * must be reproduced: energy RMSE below 1e-4 eV/atom and force RMSE below 1e-3 eV/Å on the antiperovskites. The control
 * fits the same data without the option and must be left 1000 times worse on them (measured 0.37 meV/atom and 4e-3 eV/Å;
 * the Na8O4 cells' own composition lets the atom energies absorb most of the shift, so the control's margin is in its
 * forces and pressures).
 */
class Uf3RelativeEnergyTest {
    @TempDir
    Path tmp;

    @Test
    void groupsWithAnEnergyAndPressureErrorCountOnlyByTheirDifferences() throws Exception {
        Uf3SyntheticData data = new Uf3SyntheticData(5, 8, 24);
        List<LabelledXyz.Labelled> shifted = new ArrayList<>();
        double dp = 1.05 / org.paddlewheel.model.Units.EV_PER_A3_TO_GPA;
        int k = 0;
        for (var f : data.frames) {
            if (!f.info().get("config_type").startsWith("random")) { shifted.add(f); continue; }
            double[] st = f.stressEvPerA3().clone();
            st[0] -= dp; st[4] -= dp; st[8] -= dp; // +P is −σ on the diagonal (ASE sign)
            Map<String, String> info = new LinkedHashMap<>(f.info());
            info.put("source", "scan-like-" + (k++ / 3) + "#" + k); // three to a group, as a scan's frames
            shifted.add(new LabelledXyz.Labelled(f.structure(), f.energyEv() + 0.052 * f.structure().size(), f.forcesEvPerA(), st, f.charges(), info));
        }
        Path file = tmp.resolve("gamma.extxyz");
        LabelledXyz.write(file, shifted);
        Path base = tmp.resolve("truth.json");
        Files.writeString(base, data.truthJson.toPrettyString());
        var opt = new Uf3FitOptions(base.toString(), false, 5.0, 0.4, 500, 0.25, 0.1, 0.2);
        PrintStream log = new PrintStream(System.err, true);
        Uf3Fitter.Result r = new Uf3Fitter(opt.withRelativeEnergy("random-*"), log).fit(Uf3Dataset.read(List.of(file)));
        Uf3Fitter.Result plain = new Uf3Fitter(opt, log).fit(Uf3Dataset.read(List.of(file)));
        double[] e = errorsOnAntiperovskites(r), p = errorsOnAntiperovskites(plain);
        System.out.printf("relative energy groups: antiperovskite E RMSE %.3g eV/atom, F %.3g eV/Å; without the option E %.3g, F %.3g%n",
                e[0], e[1], p[0], p[1]);
        assertThat(e[0]).isLessThan(1e-4);
        assertThat(e[1]).isLessThan(1e-3);
        assertThat(p[0]).as("control: the shifted groups' absolute energies spoil the fit").isGreaterThan(1e-4);
        assertThat(p[1]).as("control: and, through the compromise, the forces").isGreaterThan(1e-3);
        assertThat(r.model().path("fit").path("relative_energy_config_types").asText()).isEqualTo("random-*");
    }

    /** Energy (eV/atom) and force (eV/Å) RMSE of the written model on every antiperovskite configuration. */
    private static double[] errorsOnAntiperovskites(Uf3Fitter.Result r) {
        double se = 0, sf = 0;
        long ne = 0, nf = 0;
        for (var set : List.of(r.train(), r.validation(), r.test())) {
            for (var row : set) {
                if (row.configType().startsWith("random")) continue;
                double pe = row.energyFixed(), pt = row.energyFixed() + row.energyTarget();
                for (int c = 0; c < row.energyRow().length; c++) pe += row.energyRow()[c] * r.coefficients()[c];
                se += (pe - pt) * (pe - pt);
                ne++;
                for (int q = 0; q < row.forceTarget().length; q++) {
                    double pf = 0;
                    for (int c = 0; c < row.forceRows()[q].length; c++) pf += row.forceRows()[q][c] * r.coefficients()[c];
                    sf += (pf - row.forceTarget()[q]) * (pf - row.forceTarget()[q]);
                    nf++;
                }
            }
        }
        return new double[] {Math.sqrt(se / ne), Math.sqrt(sf / nf)};
    }
}
