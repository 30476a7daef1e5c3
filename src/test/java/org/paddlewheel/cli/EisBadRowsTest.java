package org.paddlewheel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.paddlewheel.experiment.impedance.ImagSign;
import org.paddlewheel.experiment.impedance.SpectrumReader;

/**
 * An unreadable row in an impedance CSV (issue 13): before, the reader kept the longest numeric
 * run and fitted it with exit 0. Now the row is an error at its line, or skipped with a warning
 * naming it under {@code --skip-bad-rows}. Data: impedance.py's exampleData.csv (MIT, see
 * src/test/resources/eis/LICENSE-impedance.py-data), 66 rows.
 */
class EisBadRowsTest {
    @TempDir
    Path dir;

    private Path withBadRow(String bad, int at) throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(Paths.get("src/test/resources/eis/exampleData.csv")));
        lines.add(at, bad);
        Path p = dir.resolve("bad.csv");
        Files.write(p, lines);
        return p;
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0e+00,NaN,-1.0e-03", "1.0e+00,abc,-1.0e-03", "1.0e+00,2.0e-02", "oops", "nan,nan,nan"})
    void aBadRowIsAnErrorAtItsLineOrSkippedWithAWarning(String bad) throws Exception {
        Path p = withBadRow(bad, 40);   // line 41; rows 1..40 shorter than rows 42..67 before the fix
        CliRunner.Result r = CliRunner.run("eis", "kk", p.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err().strip().lines().count()).isEqualTo(1);
        assertThat(r.err()).startsWith("paddlewheel: " + p + ":41: ");

        List<Integer> skipped = new ArrayList<>();
        var s = SpectrumReader.read(p, ImagSign.AUTO, skipped::add);
        assertThat(skipped).containsExactly(41);
        assertThat(s.size()).isEqualTo(66);

        CliRunner.Result ok = CliRunner.run("eis", "kk", p.toString(), "--skip-bad-rows", "--json");
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertThat(ok.err()).contains("warning: " + p + ": skipped 1 unreadable row(s) at line(s) 41");
        assertThat(Json.MAPPER.readTree(ok.out()).get("points").asInt()).isEqualTo(66);
    }
}
