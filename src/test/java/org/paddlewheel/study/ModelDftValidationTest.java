package org.paddlewheel.study;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paddlewheel.cli.CliRunner;
import org.paddlewheel.forcefield.ForceField;
import org.paddlewheel.forcefield.SplineJson;

/**
 * A model's DFT validation travels with it and reaches the study's caveats: {@code dft compare
 * --write-validation} writes the block into a copy of the shipped model (which still loads as a force
 * field), the caveat names its force error and a missed barrier, a model file of another name is
 * refused, and a model without the block adds no caveat. The shipped model carries its block
 * (force RMSE far above the 0.15 eV/Å target, so its caveat must say the targets are missed).
 */
class ModelDftValidationTest {
    @TempDir
    Path tmp;

    @Test
    void theBlockIsWrittenReadAndShown() throws Exception {
        ObjectNode base = SplineJson.baseJson("na-amide-borohydride");
        base.remove("dft_validation");
        Path copy = tmp.resolve("model.json");
        Files.writeString(copy, base.toPrettyString());
        assertThat(ModelDftValidation.caveat(copy.toString())).isEmpty();

        Path data = tmp.resolve("scan.extxyz");
        Files.copy(Path.of("forcefields/dft/scan-hop-x0.extxyz"), data);
        var r = CliRunner.run("dft", "compare", "--ff", copy.toString(), "--dataset", data.toString(), "--write-validation", copy.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        ForceField.resolve(copy.toString()); // still a valid model file
        var block = new ObjectMapper().readTree(copy.toFile()).get("dft_validation");
        assertThat(block.path("configurations").asInt()).isEqualTo(3);
        assertThat(block.path("targets_met").asBoolean(true)).isFalse();
        String c = ModelDftValidation.caveat(copy.toString()).orElseThrow();
        assertThat(c).contains("MODEL AGAINST DFT").contains("scan-hop-x0").contains("Targets missed");
        // one scan file, one group: no held-out split of its own here, so the rigid-body block is over every configuration or
        // the test set, whichever the split gives; the Na of a 2x2x1 x = 0 cell are always there
        assertThat(block.path("rigid_body_set").asText()).isIn("test", "all");
        assertThat(block.path("rigid_body_eV").findValuesAsText("kind")).contains("Na", "BH4");
        assertThat(c).contains("forces on whole anions and ions vs DFT");

        ObjectNode other = base.deepCopy().put("name", "another-model");
        Path otherFile = tmp.resolve("other.json");
        Files.writeString(otherFile, other.toPrettyString());
        var bad = CliRunner.run("dft", "compare", "--ff", copy.toString(), "--dataset", data.toString(), "--write-validation", otherFile.toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("another-model");

        String shipped = ModelDftValidation.caveat("na-amide-borohydride").orElseThrow();
        assertThat(shipped).contains("Targets missed");
    }

    /** A relaxed pair whose DFT start the model leaves ({@code same_basin: false}) is shown as not comparable, the others plainly. */
    @Test
    void aPairFromAnotherMinimumIsShownAsNotComparable() throws Exception {
        ObjectNode base = SplineJson.baseJson("na-amide-borohydride");
        ObjectNode v = base.putObject("dft_validation").put("data", "test").put("configurations", 2).put("date", "2026-12-04");
        var rb = v.putArray("relaxed_barriers_eV");
        rb.addObject().put("scan", "scan-a:plane").put("dft", 0.12).put("model", 0.43).put("same_basin", false);
        rb.addObject().put("scan", "scan-b:plane").put("dft", 0.30).put("model", 0.31).put("same_basin", true);
        Path copy = tmp.resolve("basin.json");
        Files.writeString(copy, base.toPrettyString());
        String c = ModelDftValidation.caveat(copy.toString()).orElseThrow();
        assertThat(c).contains("relaxed scan-a:plane 0.43 vs DFT 0.12 (not comparable").contains("relaxed scan-b:plane 0.31 vs DFT 0.30.");
    }

    @Test
    void theZeroPressureCellIsShownWhenTheModelCarriesAGridCorrection() throws Exception {
        var v = new ObjectMapper().readTree("{\"data\": \"d\", \"configurations\": 3, \"date\": \"2026-12-04\", \"force_rmse_eV_per_A\": 0.1,"
                + " \"lattice_0K\": [{\"name\": \"x0\", \"deviation\": 0.0064, \"dft_a_A\": 4.554, \"model_a_A\": 4.583, \"model_a_0GPa_A\": 4.774}],"
                + " \"targets_met\": false, \"targets_missed\": [\"scan-hop-x1\"]}");
        String c = ModelDftValidation.sentence("m", v);
        // the cell the study's 0 GPa runs live in, relative to the fixed-grid DFT cell: 4.774 / 4.554 − 1 = +4.8 %
        assertThat(c).contains("x0 +0.6 %").contains("at 0 GPa").contains("x0 4.774 Å (+4.8 %)");
        var old = new ObjectMapper().readTree("{\"lattice_0K\": [{\"name\": \"x0\", \"deviation\": 0.0064, \"dft_a_A\": 4.554, \"model_a_A\": 4.583}]}");
        assertThat(c).doesNotContain("whole anions"); // no rigid-body block: nothing claimed
        assertThat(ModelDftValidation.sentence("m", old)).contains("x0 +0.6 %").doesNotContain("at 0 GPa");
    }

    /** The rigid-body errors {@code dft compare --write-validation} records are shown, torque named as such. */
    @Test
    void theForcesOnWholeAnionsAreShown() throws Exception {
        var v = new ObjectMapper().readTree("{\"data\": \"d\", \"configurations\": 3, \"date\": \"2026-12-06\", \"force_rmse_eV_per_A\": 0.1,"
                + " \"rigid_body_set\": \"test\", \"rigid_body_eV\": [{\"kind\": \"NH2\", \"quantity\": \"torque\", \"relative_error\": 1.04},"
                + " {\"kind\": \"Na\", \"quantity\": \"force\", \"relative_error\": 0.22}], \"targets_met\": false, \"targets_missed\": []}");
        assertThat(ModelDftValidation.sentence("m", v)).contains("forces on whole anions and ions vs DFT (test configurations, relative error: NH2 torque 1.04, Na force 0.22");
    }

    /** With the absolute numbers recorded (since session 34), each ratio carries its RMSE and PBE's RMS, units by quantity. */
    @Test
    void theAbsoluteRigidBodyErrorsAreShownWhereRecorded() throws Exception {
        var v = new ObjectMapper().readTree("{\"data\": \"d\", \"configurations\": 3, \"date\": \"2026-12-06\", \"force_rmse_eV_per_A\": 0.1,"
                + " \"rigid_body_set\": \"test\", \"rigid_body_eV\": [{\"kind\": \"NH2\", \"quantity\": \"torque\", \"relative_error\": 1.04,"
                + " \"rmse\": 0.090, \"dft_rms\": 0.087}, {\"kind\": \"Na\", \"quantity\": \"force\", \"relative_error\": 0.22, \"rmse\": 0.05,"
                + " \"dft_rms\": 0.23}], \"targets_met\": false, \"targets_missed\": []}");
        assertThat(ModelDftValidation.sentence("m", v)).contains("NH2 torque 1.04 (RMSE 0.090 eV, DFT RMS 0.087)", "Na force 0.22 (RMSE 0.050 eV/Å, DFT RMS 0.230)");
    }
}
