package org.paddlewheel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.paddlewheel.forcefield.TestCells;
import org.paddlewheel.io.Formats;
import org.paddlewheel.model.Structure;

/** Issue 13's "bad input" list at the command line: refused up front, exit 2, one line, nothing written. */
class BadInputCliTest {
    @TempDir
    Path tmp;

    private Path cell() {
        Structure s = TestCells.antiperovskite(1, 2, 2, 0.02);
        Path p = tmp.resolve("cell.vasp");
        Formats.writeStructure(p, s, "poscar");
        return p;
    }

    private static List<String> md(Path in, Path out, String temperature, String... extra) {
        List<String> a = new ArrayList<>(List.of("md", "-i", in.toString(), "--ff", "na-amide-borohydride", "--temperature", temperature,
                "--time", "20fs", "--timestep", "0.5fs", "--every", "5fs", "--checkpoint-every", "10fs", "-o", out.toString(), "-q"));
        a.addAll(List.of(extra));
        return a;
    }

    private static void assertOneLineExit2(CliRunner.Result r, String... fragments) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).startsWith("paddlewheel: ").contains(fragments);
    }

    @Test
    void unknownCommandExits2EvenWithHelp() {
        assertOneLineExit2(CliRunner.run("nonsense", "--help"), "unknown command 'nonsense'");
        assertOneLineExit2(CliRunner.run("nonsense"), "unknown command 'nonsense'");
        assertThat(CliRunner.run("--help").exitCode()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-5K", "0K", "-300C"})
    void mdRefusesNonPositiveTemperatureAndWritesNothing(String t) {
        Path out = tmp.resolve("run");
        CliRunner.Result r = CliRunner.run(md(cell(), out, t).toArray(String[]::new));
        assertOneLineExit2(r, "--temperature", "above 0 K");
        assertThat(r.err()).doesNotContain("InputException").doesNotContain("cannot convert");
        assertThat(out).doesNotExist();
    }

    @Test
    void negativeTimesAndSizesAreRefusedUpFront() {
        Path out = tmp.resolve("run");
        List<String> a = md(cell(), out, "500K");
        a.set(a.indexOf("20fs"), "-20fs");
        assertOneLineExit2(CliRunner.run(a.toArray(String[]::new)), "--time", "negative");
        assertOneLineExit2(CliRunner.run(md(cell(), out, "500K", "--threads", "0").toArray(String[]::new)), "--threads");
        assertOneLineExit2(CliRunner.run(md(cell(), out, "500K", "--skin", "-1").toArray(String[]::new)), "--skin");
        assertThat(out).doesNotExist();
        assertOneLineExit2(CliRunner.run("eis", "fit", "x.csv", "--circuit", "R0", "--thickness", "-1mm"), "--thickness", "negative");
    }

    @Test
    void mdRefusesToOverwriteAnExistingRunUnlessForced() throws Exception {
        Path in = cell();
        Path out = tmp.resolve("run");
        CliRunner.Result first = CliRunner.run(md(in, out, "500K").toArray(String[]::new));
        assertThat(first.exitCode()).as(first.err()).isZero();
        byte[] thermo = Files.readAllBytes(out.resolve("thermo.csv"));
        byte[] traj = Files.readAllBytes(out.resolve("trajectory.extxyz"));
        CliRunner.Result again = CliRunner.run(md(in, out, "600K").toArray(String[]::new));
        assertOneLineExit2(again, out.toString(), "holds a run", "--resume", "--force");
        assertThat(Files.readAllBytes(out.resolve("thermo.csv"))).isEqualTo(thermo);
        assertThat(Files.readAllBytes(out.resolve("trajectory.extxyz"))).isEqualTo(traj);
        CliRunner.Result forced = CliRunner.run(md(in, out, "600K", "--force").toArray(String[]::new));
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(Files.readAllBytes(out.resolve("thermo.csv"))).isNotEqualTo(thermo);
    }

    @Test
    void resumeWithOtherOptionsNamesTheOptionThatDiffers() {
        Path in = cell();
        Path out = tmp.resolve("run");
        assertThat(CliRunner.run(md(in, out, "500K").toArray(String[]::new)).exitCode()).isZero();
        CliRunner.Result r = CliRunner.run(md(in, out, "500K", "--resume", "--seed", "9").toArray(String[]::new));
        assertOneLineExit2(r, "--seed (checkpoint 1, now 9)");
        assertThat(r.err()).doesNotContain("--temperature", "--timestep");
        // The k-space method changes the forces at the accuracy level: a resume with another one is refused too.
        CliRunner.Result k = CliRunner.run(md(in, out, "500K", "--resume", "--kspace", "pme").toArray(String[]::new));
        assertOneLineExit2(k, "--kspace (checkpoint auto, now pme)");
    }

    @Test
    void convertOfATruncatedTrajectoryLeavesNoOutput() throws Exception {
        Path in = cell();
        Path traj = tmp.resolve("run");
        assertThat(CliRunner.run(md(in, traj, "500K").toArray(String[]::new)).exitCode()).isZero();
        List<String> lines = Files.readAllLines(traj.resolve("trajectory.extxyz"));
        Path cut = tmp.resolve("cut.extxyz");
        Files.write(cut, lines.subList(0, lines.size() - 7));   // the last frame loses its last 7 atoms
        Path out = tmp.resolve("out.dump");
        CliRunner.Result r = CliRunner.run("convert", cut.toString(), out.toString(), "-q");
        assertOneLineExit2(r, cut.toString() + ":" + (lines.size() - 6) + ":");
        assertThat(out).doesNotExist();
        try (var s = Files.list(tmp)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    /** Issue 13: every option of every command that has a default says it (md's and export-lammps's were blank or silent). */
    @ParameterizedTest
    @ValueSource(strings = {"md", "export-lammps", "convert", "info", "analyze", "eis", "relax", "energy", "build", "fit-ff",
        "arrhenius", "vacancy-model", "nmr", "efg", "xrd", "tof", "diffraction", "dc-polarization", "dsc", "dft", "study", "melting", "report"})
    void everyOptionWithADefaultStatesIt(String cmd) {
        List<String> missing = new ArrayList<>();
        check(Main.commandLine(new String[] {cmd}).getSubcommands().get(cmd), missing);
        assertThat(missing).isEmpty();
    }

    private static void check(picocli.CommandLine cl, List<String> missing) {
        for (var o : cl.getCommandSpec().options()) {
            if (o.hidden() || o.usageHelp() || o.versionHelp() || o.arity().max() == 0) continue;
            String d = String.join(" ", o.description());
            // A default is a defaultValue or a field initialiser (picocli's initial value), booleans and empty collections aside.
            Object init = o.initialValue();
            boolean initialised = !o.required() && init != null && !(init instanceof Boolean) && !(init instanceof Double x && x.isNaN())
                    && !(init instanceof java.util.Collection<?> c && c.isEmpty());
            boolean hasDefault = o.defaultValue() != null || initialised;
            if (d.isBlank() || hasDefault && !d.contains("${DEFAULT-VALUE}") && !d.toLowerCase(java.util.Locale.ROOT).contains("default")) {
                missing.add(cl.getCommandSpec().qualifiedName() + " " + o.longestName());
            }
        }
        for (var sub : cl.getSubcommands().values()) check(sub, missing);
    }
}
