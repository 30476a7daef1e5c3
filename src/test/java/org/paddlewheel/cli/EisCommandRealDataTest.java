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
     * The report's second command: a spare CPE2 and a poor start (issue 13: the user's start is
     * fitted and reported; the automatic start, which reaches a lower chi2, is reported beside it
     * as "automatic_start", with a note on stderr, and no longer replaces it silently).
     */
    @Test
    void poorStartIsReportedWithTheBetterAutomaticFitBeside() throws Exception {
        Run r = run("eis", "fit", BIOLOGIC, "--circuit", "R0-p(R1,CPE1)-CPE2", "--json",
                "--initial", "R0=60,R1=50,CPE1_0=1e-4,CPE1_1=0.8,CPE2_Q=1,CPE2_alpha=0.8");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode s = new ObjectMapper().readTree(r.out()).get("spectra").get(0);
        assertThat(s.get("start").asText()).isEqualTo("given");
        JsonNode alt = s.get("automatic_start");
        assertThat(alt).as(s.toString()).isNotNull();
        assertThat(alt.get("chi_squared").asDouble()).isLessThan(s.get("chi_squared").asDouble());
        assertThat(alt.get("parameters").get("R1_ohm").asDouble()).isBetween(40.0, 55.0);
        assertThat(alt.get("parameters").get("CPE1_1").get("value").asDouble()).isBetween(0.6, 1.0);
        // impedance.py's names beside ours, value and stderr
        JsonNode p = s.get("parameters");
        assertThat(p.get("R0").get("value").asDouble()).isEqualTo(p.get("R0_ohm").asDouble());
        assertThat(p.get("CPE1_0").get("value").asDouble()).isEqualTo(p.get("CPE1_Q_" + p.get("CPE1_0").get("unit").asText()).asDouble());
        assertThat(p.get("CPE1_1").get("stderr").asDouble()).isEqualTo(s.get("standard_errors").get("CPE1_alpha").asDouble());
        assertThat(r.err()).contains("note: ").contains("automatic start reached a lower chi2");
    }

    /** With a geometry, "conductivity_S_per_cm" (impedance.py users' key) equals sigma_S_per_cm. */
    @Test
    void conductivityKeyWithGeometry() throws Exception {
        Run r = run("eis", "fit", BIOLOGIC, "--circuit", "R0-p(R1,CPE1)", "--thickness", "1mm", "--area", "1cm2", "--json", "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode s = new ObjectMapper().readTree(r.out()).get("spectra").get(0);
        assertThat(s.get("conductivity_S_per_cm").asDouble()).isEqualTo(s.get("sigma_S_per_cm").asDouble()).isPositive();
        Run none = run("eis", "fit", BIOLOGIC, "--circuit", "R0-p(R1,CPE1)", "--json", "--quiet");
        assertThat(new ObjectMapper().readTree(none.out()).get("spectra").get(0).has("conductivity_S_per_cm")).isFalse();
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
