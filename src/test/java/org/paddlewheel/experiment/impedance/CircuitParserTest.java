package org.paddlewheel.experiment.impedance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CircuitParserTest {

    @Test
    void parsesImpedancePyStrings() {
        Circuit c = CircuitParser.parse("R0-p(R1,CPE1)-CPE2");
        assertThat(c.parameterNames()).containsExactly("R0", "R1", "CPE1_Q", "CPE1_alpha", "CPE2_Q", "CPE2_alpha");
        assertThat(c.parameterUnits()).containsExactly("ohm", "ohm", "S_s^alpha", "", "S_s^alpha", "");
        assertThat(c.indexOf("CPE1_0")).isEqualTo(2);   // impedance.py's naming
        assertThat(c.indexOf("CPE2_1")).isEqualTo(5);
        Circuit r = CircuitParser.parse(" R0 - p(R1, C1) - p(R2-Wo1, C2) ");
        assertThat(r.parameterNames()).containsExactly("R0", "R1", "C1", "R2", "Wo1_Z0", "Wo1_tau", "C2");
        assertThat(CircuitParser.parse("p(p(R1,C1),L1)-W_1-Ws_2").parameterCount()).isEqualTo(6);
    }

    @Test
    void seriesAndParallelCombine() {
        Circuit c = CircuitParser.parse("R0-p(R1,C1)");
        double[] p = {10, 100, 1e-6};
        double f = 1000, w = 2 * Math.PI * f;
        Complex rc = new Complex(100, 0).reciprocal().add(new Complex(0, w * 1e-6)).reciprocal().add(10);
        Complex got = c.impedance(p, f);
        assertThat(got.getReal()).isCloseTo(rc.getReal(), within(1e-12));
        assertThat(got.getImaginary()).isCloseTo(rc.getImaginary(), within(1e-12));
    }

    /** Each bad string: the reported index and the caret position. */
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "R0-p(R1,X1);8;unknown element 'X1'",
        "R0-p(R1,C1;10;missing ')'",
        "R0--R1;3;expected an element",
        "R0-p(R1);3;at least two branches",
        "R0)-R1;2;unbalanced ')'",
        "R0-R0;3;used twice",
        "R0-;3;circuit ended",
        "R0-p(R1 C1);8;expected ',' or ')'",
        "R0-5;3;expected an element name",
    })
    void errorsPointAtTheOffendingCharacter(String text, int index, String what) {
        assertThatThrownBy(() -> CircuitParser.parse(text))
                .isInstanceOf(CircuitSyntaxException.class)
                .satisfies(e -> {
                    CircuitSyntaxException ce = (CircuitSyntaxException) e;
                    assertThat(ce.index()).isEqualTo(index);
                    assertThat(ce.getMessage()).contains("'" + text + "'").contains("index " + index).contains(what)
                            .endsWith(text.substring(0, index) + "^" + text.substring(index));
                });
    }
}
