package org.paddlewheel.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Verdicts from solid-fraction series and the bracket over temperatures. */
class MeltingBracketTest {
    private static MeltingBracket.Point p(double t, PhaseVerdict v) { return new MeltingBracket.Point(t, v); }

    @Test
    void verdictNeedsAChangeOfAWholeSlabAndTwiceTheNoise() {
        assertThat(PhaseVerdict.judge(new double[] {0.5, 0.5, 0.625, 0.75, 0.875, 1, 1, 1}, 8).verdict()).isEqualTo(PhaseVerdict.SOLID_GROWS);
        assertThat(PhaseVerdict.judge(new double[] {0.5, 0.375, 0.25, 0.125, 0, 0, 0, 0}, 8).verdict()).isEqualTo(PhaseVerdict.MELTS);
        // flicker of one interface slab: no verdict
        assertThat(PhaseVerdict.judge(new double[] {0.5, 0.625, 0.5, 0.625, 0.5, 0.625, 0.5, 0.625}, 8).verdict()).isEqualTo(PhaseVerdict.UNDECIDED);
        // a change of one slab drowned in noise of ±2 slabs: undecided
        PhaseVerdict.Judgement j = PhaseVerdict.judge(new double[] {0.5, 0.5, 0.5, 0.5, 0.25, 0.75, 0.375, 0.875}, 8);
        assertThat(j.sigma()).isGreaterThan(0.125);
        assertThat(j.verdict()).isEqualTo(PhaseVerdict.UNDECIDED);
    }

    @Test
    void bracketIsHighestGrowthAndLowestMelt() {
        MeltingBracket b = MeltingBracket.of(List.of(p(550, PhaseVerdict.MELTS), p(450, PhaseVerdict.SOLID_GROWS),
                p(500, PhaseVerdict.UNDECIDED), p(400, PhaseVerdict.SOLID_GROWS), p(600, PhaseVerdict.MELTS)));
        assertThat(b.bracketed()).isTrue();
        assertThat(b.lowK()).isEqualTo(450);
        assertThat(b.highK()).isEqualTo(550);
    }

    @Test
    void noBracketSaysWhy() {
        assertThat(MeltingBracket.of(List.of(p(450, PhaseVerdict.MELTS), p(500, PhaseVerdict.MELTS))).reason())
                .isEqualTo("every temperature melts: the melting point lies below 450 K");
        assertThat(MeltingBracket.of(List.of(p(450, PhaseVerdict.SOLID_GROWS), p(500, PhaseVerdict.UNDECIDED))).reason())
                .contains("lies above 450 K");
        assertThat(MeltingBracket.of(List.of(p(450, PhaseVerdict.UNDECIDED))).reason()).startsWith("undecided at every temperature");
        MeltingBracket inverted = MeltingBracket.of(List.of(p(450, PhaseVerdict.MELTS), p(500, PhaseVerdict.SOLID_GROWS)));
        assertThat(inverted.bracketed()).isFalse();
        assertThat(inverted.lowK()).isNull();
        assertThat(inverted.reason()).startsWith("inconsistent");
    }
}
