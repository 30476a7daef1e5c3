package org.paddlewheel.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Campaign presets, run folder identity and the engine adapters' command lines. */
class CampaignTest {
    @Test
    void fullCoversThePaperGridFreezingRunsAndSeeds() {
        Campaign c = Campaign.full();
        Set<String> conditions = new HashSet<>();
        for (RunSpec r : c.runs()) {
            conditions.add(r.condition());
            assertThat(r.supercell()).isEqualTo(r.isPbcm() ? 2 : 3);   // Pbcm: 2x2x1 orthorhombic cells, the paper's AIMD cell
            assertThat(r.productionFs()).isEqualTo(50000);
            assertThat(r.equilibrationFs()).isEqualTo(3000);
            assertThat(r.timestepFs()).isEqualTo(0.5);
            assertThat(r.ensemble()).isEqualTo(org.paddlewheel.md.Ensemble.NPT);
            assertThat(r.frictionPerPs()).isEqualTo(10);
            assertThat(r.latticeMassAmu()).isEqualTo(1000);
        }
        assertThat(conditions).hasSize(15 + 6 + 5).contains("x1.00_T700K_BH4-frozen", "x0.50_T250K_free", "x1.00_T500K_Na-frozen",
                "pbcm_x1.00_T250K_free", "pbcm_x1.00_T700K_free");
        // 37 cubic runs as before, then the paper's 5 Pbcm x = 1 runs (free, seed 1, at the AIMD temperatures)
        assertThat(c.runs()).hasSize(42);
        assertThat(c.runs().subList(0, 37)).noneMatch(RunSpec::isPbcm);
        assertThat(c.runs().subList(37, 42)).allMatch(r -> r.isPbcm() && r.x() == 1 && r.frozen() == Frozen.NONE && r.seed() == 1);
        assertThat(c.runs().subList(37, 42)).extracting(RunSpec::temperatureK).containsExactly(250.0, 300.0, 363.0, 500.0, 700.0);
        assertThat(c.runs()).filteredOn(r -> r.condition().equals("x1.00_T700K_NH2-frozen")).hasSize(3);
        assertThat(c.runs()).filteredOn(r -> r.condition().equals("x0.00_T363K_free")).hasSize(1);
        assertThat(c.runs().stream().map(RunSpec::label).distinct().count()).isEqualTo(c.runs().size());
    }

    @Test
    void quickStillHasEveryEffect() {
        Campaign q = Campaign.quick();
        assertThat(q.runs()).extracting(RunSpec::frozen).contains(Frozen.NONE, Frozen.NA, Frozen.NH2, Frozen.BH4);
        assertThat(q.runs()).extracting(RunSpec::x).contains(0.0, 0.5, 1.0);
        assertThat(q.runs().stream().map(RunSpec::temperatureK).distinct().count()).isGreaterThanOrEqualTo(2);
        // cost ∝ steps × atoms ∝ steps × n³: quick (2x2x2) under a tenth of full (3x3x3)
        assertThat(q.totalSteps() * 8.0).isLessThan(Campaign.full().totalSteps() * 27.0 / 10);
        assertThat(q.runs()).noneMatch(RunSpec::isPbcm);   // the Pbcm runs are --full only
        assertThat(q.runs()).hasSize(9);
    }

    @Test
    void pbcmRunsBuildTheOrthorhombicCellAndKeepCubicKeys() throws Exception {
        RunSpec p = Campaign.full().runs().get(37);
        org.paddlewheel.model.Structure cell = EmbeddedEngine.cell(p);
        assertThat(cell.size()).isEqualTo(160);   // 2x2x1 x (Na8 B4 N4 H24)
        assertThat(cell.lattice().lengths()).containsExactly(new double[] {2 * 6.5384, 2 * 6.4960, 9.8512},
                org.assertj.core.api.Assertions.within(1e-9));
        assertThat(TrajectoryAnalyzer.allSitesReference(p).size()).isEqualTo(48);   // 12 Na face sites per cell, 4 cells
        assertThat(p.label()).isEqualTo("pbcm_x1.00_T250K_free_s1");
        assertThat(RunFolder.JSON.writeValueAsString(p)).contains("\"phase\" : \"pbcm\"");
        // a cubic spec serialises without a phase, so run folders of earlier studies keep their keys
        RunSpec cubic = Campaign.full().runs().get(0);
        assertThat(RunFolder.JSON.writeValueAsString(cubic)).doesNotContain("phase");
        assertThat(RunFolder.JSON.readValue(RunFolder.JSON.writeValueAsString(cubic), RunSpec.class)).isEqualTo(cubic);
        assertThat(RunFolder.JSON.readValue(RunFolder.JSON.writeValueAsString(p), RunSpec.class)).isEqualTo(p);
        assertThat(EmbeddedEngine.record(cubic, "ff", 1)).noneMatch(l -> l.startsWith("phase"));
        assertThatThrownBy(() -> p.at(0.5, 300)).hasMessageContaining("x = 1");
    }

    @Test
    void runFolderIdDependsOnSpecAndEngine(@TempDir Path tmp) throws Exception {
        RunSpec s = Campaign.quick().runs().get(0);
        RunFolder a = RunFolder.of(tmp, s, "embedded");
        assertThat(RunFolder.of(tmp, s, "embedded").id()).isEqualTo(a.id());
        assertThat(RunFolder.of(tmp, s, "fake").id()).isNotEqualTo(a.id());
        assertThat(RunFolder.of(tmp, s.withSeed(9), "embedded").id()).isNotEqualTo(a.id());
        // the default force field keeps the folder names of studies started before --ff existed
        assertThat(RunFolder.of(tmp, s, "embedded", Campaign.FORCE_FIELD).id()).isEqualTo(a.id());
        // another model's runs never resume this model's trajectories
        assertThat(RunFolder.of(tmp, s, "embedded", "na-amide-borohydride-dft").id()).isNotEqualTo(a.id());
        a.prepare();
        Files.writeString(a.file("junk"), "partial");
        a.prepare();   // a restarted run starts from an empty folder
        assertThat(a.file("junk")).doesNotExist();
        assertThat(a.isComplete()).isFalse();
        a.markComplete("embedded", "v", 1.5);
        assertThat(a.isComplete()).isTrue();
        assertThat(a.completion().path("wall_s").asDouble()).isEqualTo(1.5);
    }

    @Test
    void rewritingAModelsValidationBlockKeepsItsRunsButAParameterChangeDoesNot(@TempDir Path tmp) throws Exception {
        RunSpec s = Campaign.quick().runs().get(0);
        var model = RunFolder.JSON.readTree(getClass().getResourceAsStream("/forcefields/na-amide-borohydride-dft.json"));
        Path file = tmp.resolve("model.json");
        Files.writeString(file, model.toPrettyString());
        String id = RunFolder.of(tmp, s, "embedded", file.toString()).id();
        ((com.fasterxml.jackson.databind.node.ObjectNode) model).putObject("dft_validation").put("date", "2027-01-01");
        Path rewritten = tmp.resolve("rewritten.json");
        Files.writeString(rewritten, model.toString());   // another layout too: the digest reads the JSON, not the bytes
        assertThat(RunFolder.of(tmp, s, "embedded", rewritten.toString()).id()).isEqualTo(id);
        ((com.fasterxml.jackson.databind.node.ObjectNode) model).put("cutoff", model.path("cutoff").asDouble() + 0.5);
        Path changed = tmp.resolve("changed.json");
        Files.writeString(changed, model.toString());
        assertThat(RunFolder.of(tmp, s, "embedded", changed.toString()).id()).isNotEqualTo(id);
        // a study folder made before 4 Dec 2026 (digest of the file's bytes) is still found
        Path legacy = tmp.resolve("legacy");
        String oldName = s.label() + "_" + RunFolder.legacyHashForTest(s, "embedded", file.toString());
        Files.createDirectories(legacy.resolve("runs").resolve(oldName));
        assertThat(RunFolder.of(legacy, s, "embedded", file.toString()).id()).isEqualTo(oldName);
    }

    @Test
    void embeddedEngineTurnsTheSpecIntoAnMdConfiguration() throws Exception {
        RunSpec s = Campaign.full().runs().stream().filter(r -> r.frozen() == Frozen.BH4).findFirst().orElseThrow();
        org.paddlewheel.md.MdConfig c = EmbeddedEngine.config(s, 2);
        assertThat(c.ensemble()).isEqualTo(org.paddlewheel.md.Ensemble.NPT);
        assertThat(c.temperatureK()).isEqualTo(500);
        assertThat(c.timestepFs()).isEqualTo(0.5);
        assertThat(c.equilibrationSteps()).isEqualTo(6000);     // 3 ps at 0.5 fs
        assertThat(c.productionSteps()).isEqualTo(100_000);     // 50 ps
        assertThat(c.everySteps()).isEqualTo(20);               // a frame every 10 fs
        assertThat(c.checkpointEverySteps()).isEqualTo(2000);   // min(1 ps, run/10)
        assertThat(c.frictionPerPs()).isEqualTo(10);
        assertThat(c.pressureGPa()).isZero();
        assertThat(c.threads()).isEqualTo(2);
        assertThat(c.seed()).isEqualTo(s.seed());
        assertThat(c.format()).isEqualTo(org.paddlewheel.md.TrajectoryFormat.EXTXYZ);
        assertThat(EmbeddedEngine.freeze(s)).containsExactly("BH4");
        assertThat(EmbeddedEngine.freeze(s.withFrozen(Frozen.NONE))).isEmpty();
        // The ensemble enum serialises as before ("npt"), so run-folder keys of earlier studies stay valid.
        assertThat(RunFolder.JSON.writeValueAsString(s)).contains("\"ensemble\" : \"npt\"");
    }

    @Test
    void lammpsAndSlurmAdapters(@TempDir Path tmp) throws Exception {
        LammpsEngine l = new LammpsEngine(4);
        assertThat(l.command(Path.of("in.lammps"))).containsExactly("mpirun", "--allow-run-as-root", "-np", "4", "lmp", "-in", "in.lammps");
        Path submit = SlurmScript.write(tmp, 37, 2, List.of("double-paddle-wheel", "--full", "-o", tmp.toString()));
        String runs = Files.readString(tmp.resolve("slurm/runs.sbatch"));
        assertThat(runs).contains("#SBATCH --array=0-36", "#SBATCH --cpus-per-task=2",
                "paddlewheel study double-paddle-wheel --full -o " + tmp, "--run-index \"$SLURM_ARRAY_TASK_ID\"");
        assertThat(Files.readString(submit)).contains("sbatch --dependency=afterany:");
        assertThat(Files.readString(tmp.resolve("slurm/report.sbatch"))).contains("paddlewheel report " + tmp.toAbsolutePath());
    }

    /** A refitted force field (other bytes) must key other run folders, so a resumed study never reuses old runs. */
    @org.junit.jupiter.api.Test
    void forceFieldBytesEnterTheRunKey(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path a = tmp.resolve("a.json"), b = tmp.resolve("b.json");
        java.nio.file.Files.writeString(a, "{\"name\": \"m\", \"A\": 1000}");
        java.nio.file.Files.writeString(b, "{\"name\": \"m\", \"A\": 1001}");
        assertThat(RunFolder.digestOfForceField(a.toString())).isNotEqualTo(RunFolder.digestOfForceField(b.toString()));
        assertThat(RunFolder.digestOfForceField(Campaign.FORCE_FIELD)).isNotEqualTo(RunFolder.digestOfForceField("no-such-model"));
    }
}
