package org.paddlewheel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code paddlewheel eis fit} on real exports (src/test/resources/eis): the reported regression and degenerate-fit flags. */
class EisCommandRealDataTest {
    private static final String BIOLOGIC = "src/test/resources/eis/exampleDataBioLogic.mpt";

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        var cl = Main.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static double value(String text, String name) {
        Matcher m = Pattern.compile("(?m)^\\s+" + Pattern.quote(name) + "\\s+=\\s+(\\S+)").matcher(text);
        assertThat(m.find()).as(name + " in\n" + text).isTrue();
        return Double.parseDouble(m.group(1));
    }

    /** The command of the report: a sensible arc (measured R0 = 63.56, R1 = 48.20 Ω, α = 0.915) and no warning. */
    @Test
    void bioLogicSingleArc() {
        Run r = run("eis", "fit", BIOLOGIC, "--circuit", "R0-p(R1,CPE1)", "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(value(r.out(), "R1")).isBetween(40.0, 55.0);
        assertThat(value(r.out(), "CPE1_alpha")).isBetween(0.6, 1.0);
        assertThat(r.out()).doesNotContain("NaN").doesNotContain("at bound");
        assertThat(r.err()).doesNotContain("warning");
    }

    /** A user start near the optimum is the one reported ("start": "given"). */
    @Test
    void initialValuesAreUsedAsTheStart() throws Exception {
        Run r = run("eis", "fit", BIOLOGIC, "--circuit", "R0-p(R1,CPE1)", "--initial", "R0=60,R1=50,CPE1_Q=0.01,CPE1_alpha=0.9", "--json", "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode s = new ObjectMapper().readTree(r.out()).get("spectra").get(0);
        assertThat(s.get("start").asText()).isEqualTo("given");
        assertThat(s.get("warnings")).isEmpty();
        assertThat(s.get("parameters").get("R1_ohm").asDouble()).isBetween(40.0, 55.0);
    }

    /**
     * The report's second command: a spare CPE2 and a poor start. The automatic start wins
     * (noted on stderr); CPE2, which the spectrum does not need (Q → 3e19), is flagged in
     * "warnings" and on stderr even with --quiet; R0, R1, CPE1 are those of the two-element fit.
     */
    @Test
    void spareElementIsFlaggedAndPoorStartIsReplaced() throws Exception {
        Run r = run("eis", "fit", BIOLOGIC, "--circuit", "R0-p(R1,CPE1)-CPE2", "--json",
                "--initial", "R0=60,R1=50,CPE1_Q=1e-4,CPE1_alpha=0.8,CPE2_Q=1,CPE2_alpha=0.8");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode s = new ObjectMapper().readTree(r.out()).get("spectra").get(0);
        assertThat(s.get("start").asText()).isEqualTo("automatic");
        assertThat(s.get("parameters").get("R1_ohm").asDouble()).isBetween(40.0, 55.0);
        assertThat(s.get("parameters").get("CPE1_alpha").asDouble()).isBetween(0.6, 1.0);
        assertThat(s.get("warnings").toString()).contains("CPE2_Q");
        assertThat(r.err()).contains("warning: ").contains("CPE2_Q").contains("note: ");
    }

    /**
     * Gamry export with the high-frequency arc cut off: R0 collapses to the 1e-300 Ω floor. σ from
     * it (which used to print as 1e298-ish S/cm) is null in JSON, with warnings, also under --quiet.
     */
    @Test
    void sigmaFromCollapsedResistorIsNull() throws Exception {
        Run r = run("eis", "fit", "src/test/resources/eis/exampleDataGamry.DTA", "--circuit", "R0-p(R1,CPE1)-p(R2,CPE2)",
                "--thickness", "1mm", "--area", "1cm2", "--sigma-from", "R0", "--json", "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode s = new ObjectMapper().readTree(r.out()).get("spectra").get(0);
        assertThat(s.get("sigma_S_per_cm").isNull()).isTrue();
        assertThat(s.get("warnings").toString()).contains("R0 = ").contains("sigma not reported");
        assertThat(r.err()).contains("warning: ").contains("sigma not reported");
        Run text = run("eis", "fit", "src/test/resources/eis/exampleDataGamry.DTA", "--circuit", "R0-p(R1,CPE1)-p(R2,CPE2)",
                "--thickness", "1mm", "--area", "1cm2", "--sigma-from", "R0", "--quiet");
        assertThat(text.out()).doesNotContain("sigma =");
    }
}
