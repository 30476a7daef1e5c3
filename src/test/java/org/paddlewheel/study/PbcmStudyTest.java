package org.paddlewheel.study;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paddlewheel.report.StudyReport;

/**
 * A campaign with Pbcm x = 1 runs on the fake engine: the orthorhombic runs are pooled into their own
 * rows (D, σ per temperature) and enter neither the cubic conditions, the Arrhenius fits nor any claim.
 */
class PbcmStudyTest {
    @TempDir Path tmp;

    @Test
    void pbcmRunsAreReportedBesideTheClaimsWithoutAVerdict() throws Exception {
        List<RunSpec> runs = new ArrayList<>(Campaign.tiny().runs());
        RunSpec pbcm = Campaign.tiny().runs().get(0).at(1, 500).withPhase(RunSpec.PBCM).withFrozen(Frozen.NONE).withSeed(1);
        runs.add(pbcm);
        runs.add(pbcm.at(1, 700));
        Campaign c = new Campaign("tiny", Campaign.FORCE_FIELD, runs);
        Study.Result r = Study.run(new Study.Options(tmp, c, new FakeEngine(), 2, 1, true, "test", null, true),
                new PrintStream(new ByteArrayOutputStream()));
        assertThat(r.failures()).isEmpty();
        StudyResults res = r.results();
        assertThat(res.pbcm()).hasSize(2).allSatisfy(cr -> {
            assertThat(cr.x()).isEqualTo(1);
            assertThat(cr.dNa()).isNotNull();
            assertThat(cr.sigmaNa()).isNotNull();
        });
        assertThat(res.conditions()).hasSize((int) Campaign.tiny().runs().stream().map(RunSpec::condition).distinct().count());
        for (Claim cl : res.claims()) {
            for (Evidence e : cl.evidence()) assertThat(e.condition()).doesNotContain("pbcm").doesNotContain("Pbcm");
        }
        StudyReport.Outcome out = StudyReport.write(res);
        JsonNode s = RunFolder.JSON.readTree(out.summary().toFile());
        assertThat(s.path("pbcm_conditions")).hasSize(2);
        assertThat(s.path("pbcm_conditions").get(0).path("T_K").asDouble()).isEqualTo(500);
        assertThat(s.path("pbcm_conditions").get(0).path("D_Na_cm2_per_s").path("value").asDouble()).isPositive();
        assertThat(s.path("pbcm_conditions").get(0).path("verdict").isNull()).isTrue();
        assertThat(s.path("runs_planned").asInt()).isEqualTo(runs.size());
        assertThat(Files.readString(out.html())).contains("Orthorhombic Pbcm, x = 1").contains("No verdict");
    }

    /** The embedded engine runs the 160-atom Pbcm cell and the trajectory analysis reads it (hops against all 48 Na sites). */
    @Test
    void embeddedEngineRunsAndAnalysesThePbcmCell() throws Exception {
        RunSpec p = Campaign.full().runs().get(41);
        RunSpec t = new RunSpec(1, p.temperatureK(), Frozen.NONE, 1, 2, 0, 50, 0.5, p.ensemble(), 10, 1000, 0, 2.5, RunSpec.PBCM);
        RunFolder f = RunFolder.of(tmp, t, "embedded");
        f.prepare();
        EmbeddedEngine.runMd(t, Campaign.FORCE_FIELD, f.file(RunFolder.TRAJECTORY).getParent(), 1, x -> { }, false, -1);
        assertThat(Files.readString(f.file(EmbeddedEngine.CONFIG))).contains("phase pbcm");
        RunResult r = new TrajectoryAnalyzer().analyse(f);
        assertThat(r.dNa()).isNotNull();
        assertThat(r.tauPs()).containsKeys("BH4", "NH2");
        assertThat(r.spec().isPbcm()).isTrue();
    }
}
