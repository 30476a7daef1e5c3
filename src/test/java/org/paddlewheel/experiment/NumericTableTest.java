package org.paddlewheel.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.paddlewheel.model.InputException;

/** The one column reader in its two layouts: tables with a header line, and measured curves whose header is optional. */
class NumericTableTest {
    @Test
    void tableNeedsAHeaderAndMatchesNamesWithoutTheirUnit() {
        NumericTable t = NumericTable.parse("t.csv", List.of("# comment", "T(K), sigma[S/cm], sigma_error", "300, 1e-5, 1e-7", "", "350, 2e-5, 2e-7"));
        assertThat(t.names()).containsExactly("T(K)", "sigma[S/cm]", "sigma_error");
        assertThat(t.width()).isEqualTo(3);
        assertThat(t.rows()).isEqualTo(2);
        assertThat(t.line(1)).isEqualTo(5);
        assertThat(t.find("t")).isZero();
        assertThat(t.find("sigma")).isEqualTo(1);
        assertThat(t.require("error", "sigma_error")).isEqualTo(2);
        assertThat(t.column(0)).containsExactly(300, 350);
        assertThatThrownBy(() -> NumericTable.parse("t.csv", List.of("T,sigma", "300,abc"))).isInstanceOf(InputException.class)
                .satisfies(e -> assertThat(((InputException) e).line()).isEqualTo(2)).hasMessageContaining("'abc' is not a number");
        assertThatThrownBy(() -> NumericTable.parse("t.csv", List.of("T,sigma", "300"))).hasMessageContaining("expected 2 values");
    }

    @Test
    void curveHeaderIsOptionalAndNamesMatchOnTheirFirstWord() {
        NumericTable c = NumericTable.parseCurve("d.txt", List.of("! instrument export", "Time (min), Temperature (°C), Heat Flow (W/g)",
                "0.0, 20.0, 0.1", "0.5, 21.0, 0.2, 99"), 2);
        assertThat(c.find("heat")).isEqualTo(2);
        assertThat(c.find("temperature")).isEqualTo(1);
        assertThat(c.rows()).isEqualTo(2);
        NumericTable bare = NumericTable.parseCurve("x.xy", List.of("10.0 5", "10.1 6"), 2);
        assertThat(bare.names()).containsExactly("col1", "col2");
        assertThatThrownBy(() -> NumericTable.parseCurve("x.xy", List.of("10.0"), 2)).hasMessageContaining("at least 2 numeric columns");
        assertThatThrownBy(() -> NumericTable.parseCurve("x.xy", List.of("10 1", "11 NaN"), 2)).hasMessageContaining("non-finite value in column 2")
                .satisfies(e -> assertThat(((InputException) e).line()).isEqualTo(2));
    }
}
