package org.paddlewheel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paddlewheel.study.StudyManifest;

/**
 * {@code study --ff}: the campaign records the model it was asked for, its run folders differ from the default
 * model's (so a resumed study never mixes two models' trajectories), and an unknown model fails before any run.
 */
class StudyForceFieldCliTest {
    @Test
    void theChosenModelIsRecordedAndSeparatesRunFolders(@TempDir Path tmp) throws Exception {
        Path dft = tmp.resolve("dft"), classical = tmp.resolve("classical");
        CliRunner.Result r = CliRunner.run("study", "double-paddle-wheel", "--tiny", "--engine", "fake", "--ff", "na-amide-borohydride-dft",
                "-q", "-o", dft.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(StudyManifest.read(dft).forceField()).isEqualTo("na-amide-borohydride-dft");
        assertThat(Files.readString(dft.resolve("summary.json"))).contains("\"force_field\" : \"na-amide-borohydride-dft\"");
        CliRunner.Result c = CliRunner.run("study", "double-paddle-wheel", "--tiny", "--engine", "fake", "-q", "-o", classical.toString());
        assertThat(c.exitCode()).as(c.err()).isZero();
        assertThat(StudyManifest.read(classical).forceField()).isEqualTo("na-amide-borohydride");
        try (var a = Files.list(dft.resolve("runs")); var b = Files.list(classical.resolve("runs"))) {
            var namesA = a.map(p -> p.getFileName().toString()).toList();
            var namesB = b.map(p -> p.getFileName().toString()).toList();
            assertThat(namesA).hasSameSizeAs(namesB).doesNotContainAnyElementsOf(namesB);
        }
    }

    @Test
    void aModelFileIsRecordedByItsAbsolutePath(@TempDir Path tmp) throws Exception {
        Path model = tmp.resolve("model.json");
        try (var in = getClass().getResourceAsStream("/forcefields/na-amide-borohydride-dft.json")) {
            Files.write(model, in.readAllBytes());
        }
        CliRunner.Result r = CliRunner.run("study", "double-paddle-wheel", "--tiny", "--engine", "fake", "--ff", model.toString(), "-q",
                "-o", tmp.resolve("s").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(StudyManifest.read(tmp.resolve("s")).forceField()).isEqualTo(model.toAbsolutePath().normalize().toString());
    }

    @Test
    void anUnknownModelFailsBeforeAnyRun(@TempDir Path tmp) {
        CliRunner.Result r = CliRunner.run("study", "double-paddle-wheel", "--tiny", "--engine", "fake", "--ff", "no-such-model", "-q",
                "-o", tmp.resolve("s").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("no-such-model").contains("na-amide-borohydride-dft");
        assertThat(tmp.resolve("s")).doesNotExist();
    }
}
