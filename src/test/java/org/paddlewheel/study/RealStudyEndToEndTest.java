package org.paddlewheel.study;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The smoke campaign (2 runs of 0.25 ps, 2x2x2) on the real embedded MD engine and the real
 * trajectory analysis, end to end: every number in summary.json is finite where present, the
 * claims that these runs can speak to carry numbers, hop sites include the vacant Na sites, and
 * an interrupted run is continued from the engine's own checkpoint.
 */
class RealStudyEndToEndTest {
    @TempDir
    static Path tmp;
    static Study.Result result;
    static JsonNode summary;

    static EmbeddedEngine engine() {
        return new EmbeddedEngine("test");
    }

    @BeforeAll
    static void runSmokeStudy() throws Exception {
        result = Study.run(new Study.Options(tmp.resolve("study"), Campaign.smoke(), engine(), 2, 1, true, "test", null, true),
                new PrintStream(new ByteArrayOutputStream()));
        org.paddlewheel.report.StudyReport.write(result.results());
        summary = RunFolder.JSON.readTree(tmp.resolve("study/summary.json").toFile());
    }

    @Test
    void runsFinishAndAreAnalysedByTheLibrary() throws Exception {
        assertThat(result.failures()).isEmpty();
        assertThat(summary.path("runs_finished").asInt()).isEqualTo(2);
        assertThat(summary.path("runs_missing")).isEmpty();
        assertThat(summary.path("versions").path("analysis").asText()).contains("TrajectoryAnalysis");
        for (var c : summary.path("conditions")) {
            if (!c.path("frozen").asText().equals("Na")) assertThat(c.path("D_Na_in_cage_regime").isBoolean()).as("cage flag").isTrue();
        }
        for (RunSpec s : Campaign.smoke().runs()) {
            RunResult r = RunFolder.JSON.readValue(RunFolder.of(tmp.resolve("study"), s, "embedded").file(RunFolder.RESULT).toFile(),
                    RunResult.class);
            assertThat(Double.isFinite(r.dNa().value()) && r.dNa().sigma() >= 0).as(s.label()).isTrue();
            assertThat(Double.isFinite(r.sigmaNa().value()) && Double.isFinite(r.sigmaNa().sigma())).as("σ_NE").isTrue();
            assertThat(r.msdNa().y()[0]).isEqualTo(0.0);
            assertThat(java.util.Arrays.stream(r.msdNa().y()).allMatch(v -> Double.isFinite(v) && v >= 0)).isTrue();
            assertThat(Double.isFinite(r.hopRatePerPs())).isTrue();
            // the cage ratio (MSD at the D fit's end / site spacing²) survives result.json; a smoke run of picoseconds rattles
            assertThat(r.naCageRatio()).as("cage ratio").isNotNull().isPositive().isLessThan(1.0);
            assertThat(r.dNaInCageRegime()).isTrue();
            assertThat(r.tauPs()).containsKey("BH4");
            assertThat(r.tauPs().containsKey("NH2")).isEqualTo(s.frozen() != Frozen.NH2);
            for (String k : r.tauPs().keySet()) {
                assertThat(r.tauPs().get(k).value()).as(k).isPositive();
                // C1 is 1 at t = 0 (unit vectors), within 1e-6 (single-precision storage)
                assertThat(r.c1().get(k).y()[0]).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
            }
        }
    }

    @Test
    void claimsTheseRunsCoverCarryFiniteNumbers() {
        List<String> withEvidence = new ArrayList<>();
        for (JsonNode c : summary.path("claims")) {
            assertThat(c.path("verdict").asText()).isIn("reproduced", "not_reproduced", "inconclusive", "not_testable", "not_attempted");
            if (c.path("evidence").size() > 0) withEvidence.add(c.path("id").asText());
            assertFinite(c.path("evidence"), c.path("id").asText());
        }
        assertThat(withEvidence).contains("bh4_rotates_faster_than_nh2", "freezing_either_anion_quenches_na");
        for (JsonNode c : summary.path("conditions")) assertFinite(c, "condition");
    }

    @Test
    void hopSitesIncludeTheVacantNaSites() {
        RunSpec s = Campaign.smoke().runs().get(0);
        int sites = TrajectoryAnalyzer.allSitesReference(s).indicesOf(org.paddlewheel.model.Element.NA).length;
        int atoms = EmbeddedEngine.cell(s).indicesOf(org.paddlewheel.model.Element.NA).length;
        assertThat(sites).isEqualTo(3 * 8);   // 3 face-centre sites per cell, 2x2x2
        assertThat(atoms).isEqualTo(2 * 8);   // x = 1: one vacancy per substituted cell
    }

    @Test
    void anInterruptedRunContinuesFromTheEnginesCheckpoint() throws Exception {
        Path dir = tmp.resolve("resume");
        RunSpec s = Campaign.smoke().runs().get(0);
        RunFolder f = RunFolder.of(dir, s, "embedded");
        f.prepare();
        // stop after 300 of 500 steps: checkpoints every 25 fs = 50 steps exist, no COMPLETE marker
        EmbeddedEngine.runMd(s, Campaign.FORCE_FIELD, f.dir(), 1, p -> { }, false, 300);
        assertThat(f.isComplete()).isFalse();
        assertThat(engine().canResume(s, Campaign.FORCE_FIELD, f.dir(), 1)).isTrue();
        assertThat(engine().canResume(s, Campaign.FORCE_FIELD, f.dir(), 2)).as("other thread count").isFalse();
        var out = new Scheduler(engine(), Campaign.FORCE_FIELD, 1, 1, true, System.err).runAll(List.of(f), new TrajectoryAnalyzer());
        assertThat(out.get(0).ok()).isTrue();
        assertThat(f.completion().path("resumed_from_checkpoint").asBoolean()).isTrue();
        // production 0.2 ps every 5 fs: frames at 0..200 fs = 41, none duplicated by the resume
        long frames = Files.readAllLines(f.file(RunFolder.TRAJECTORY)).stream().filter(l -> l.contains("Lattice=")).count();
        assertThat(frames).isEqualTo(41);
    }

    /** The embedded engine runs in-process through md's API: a progress callback from 0 to 1, the configuration on record, no command line. */
    @Test
    void theEmbeddedEngineRunsThroughTheMdLibraryWithProgress() throws Exception {
        Path dir = tmp.resolve("library");
        RunSpec s = Campaign.smoke().runs().get(0);
        RunFolder f = RunFolder.of(dir, s, "embedded");
        f.prepare();
        List<Double> progress = new java.util.concurrent.CopyOnWriteArrayList<>();
        engine().run(s, Campaign.FORCE_FIELD, f.dir(), 1, progress::add);
        assertThat(progress).isNotEmpty().isSorted();
        assertThat(progress.get(progress.size() - 1)).isEqualTo(1.0);
        assertThat(progress.get(0)).isBetween(0.0, 0.99);
        assertThat(Files.readAllLines(f.file(EmbeddedEngine.CONFIG))).contains("force-field " + Campaign.FORCE_FIELD)
                .anyMatch(l -> l.startsWith("config npt|"));
        assertThat(f.file("md-args.txt")).doesNotExist();
        assertThat(f.file(RunFolder.TRAJECTORY)).isRegularFile();
    }

    static void assertFinite(JsonNode n, String where) {
        if (n.isNumber()) assertThat(Double.isFinite(n.asDouble())).as(where).isTrue();
        else if (n.isTextual() && n.asText().matches("-?(NaN|Infinity)")) {
            assertThat(n.asText()).as(where + " holds a non-finite number").isNull();
        }
        n.forEach(c -> assertFinite(c, where));
    }
}
