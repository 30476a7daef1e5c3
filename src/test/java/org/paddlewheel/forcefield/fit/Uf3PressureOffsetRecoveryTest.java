package org.paddlewheel.forcefield.fit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paddlewheel.io.LabelledXyz;
import org.paddlewheel.model.Units;

/**
 * The pressure offset of {@code fit-ff --stress offset}: the synthetic set of {@link Uf3RecoveryTest} with
 * every label's pressure lowered by 1.5 GPa (σ_xx, σ_yy, σ_zz raised by 1.5 GPa in ASE's sign), as GPW at a
 * finite cut-off does to CP2K's pressure (forcefields/dft/README.md). The offset is one more linear unknown
 * of the stress rows only, so the fit must return P_data − P_model = −1.5 GPa to 1e-3 GPa (the data are
 * otherwise exactly representable; measured error below 1e-5 GPa) and the stress RMSE, which includes the
 * fitted offset, must fall below 1e-3 GPa. The control fits the same data with full stress and no offset:
 * it must be left with a stress RMSE above 0.1 GPa (the splines cannot make a uniform pressure at every
 * density without breaking the energies), which shows the check can fail.
 */
class Uf3PressureOffsetRecoveryTest {
    @TempDir
    Path tmp;

    @Test
    void recoversAUniformPressureOffset() throws Exception {
        double offsetGpa = -1.5;              // P_data − P_true
        double ds = -offsetGpa / Units.EV_PER_A3_TO_GPA; // ASE stress is −P on the diagonal
        Uf3SyntheticData data = new Uf3SyntheticData(5, 8, 24);
        List<LabelledXyz.Labelled> shifted = new ArrayList<>();
        for (var f : data.frames) {
            double[] st = f.stressEvPerA3().clone();
            st[0] += ds; st[4] += ds; st[8] += ds;
            shifted.add(new LabelledXyz.Labelled(f.structure(), f.energyEv(), f.forcesEvPerA(), st, f.charges(), f.info()));
        }
        Path file = tmp.resolve("shifted.extxyz");
        LabelledXyz.write(file, shifted);
        Path base = tmp.resolve("truth.json");
        Files.writeString(base, data.truthJson.toPrettyString());
        var opt = new Uf3FitOptions(base.toString(), false, 5.0, 0.4, 500, 0.25, 0.1, 0.2);
        PrintStream log = new PrintStream(System.err, true);
        Uf3Fitter.Result r = new Uf3Fitter(opt.withPressureOffset(true), log).fit(Uf3Dataset.read(List.of(file)));
        Uf3Fitter.Result plain = new Uf3Fitter(opt, log).fit(Uf3Dataset.read(List.of(file)));

        int col = r.design().pressureOffsetColumn();
        assertThat(col).isGreaterThanOrEqualTo(0);
        assertThat(plain.design().pressureOffsetColumn()).isEqualTo(-1);
        double fitted = -r.coefficients()[col] * Units.EV_PER_A3_TO_GPA;
        double sOff = Uf3Solver.rmse(r.train(), r.coefficients())[2] * Units.EV_PER_A3_TO_GPA;
        double sPlain = Uf3Solver.rmse(plain.train(), plain.coefficients())[2] * Units.EV_PER_A3_TO_GPA;
        System.out.printf("pressure offset: fitted %.6f GPa (true %.2f); stress RMSE %.3g GPa with the offset, %.3g GPa without%n",
                fitted, offsetGpa, sOff, sPlain);
        assertThat(fitted).isCloseTo(offsetGpa, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(sOff).isLessThan(1e-3);
        assertThat(sPlain).as("control: no offset cannot fit the shifted pressure").isGreaterThan(0.1);
        assertThat(r.model().has("pressure_offset")).as("the offset is not part of the model").isFalse();
    }
}
