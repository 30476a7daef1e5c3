package org.paddlewheel.forcefield.fit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paddlewheel.model.Element;

/**
 * {@link CompositionSpan}: trained on x = 0 and x = 1 antiperovskite cells only, O always comes with BH4 and NH2
 * with BH4, so the atom energies fix x = 0.5 (the average of the two) and any multiple, but neither Na2O nor NaBH4
 * (their absolute energies depend on how the undetermined combination is split); adding an x = 0 cell with one
 * Na removed makes Na free on its own, which still leaves O and BH4 tied. Adding NaBH4 unties them, after which
 * Na2O is fixed too. An element the fit has no atom energy for is never fixed.
 */
class CompositionSpanTest {
    private static final List<Element> ELS = List.of(Element.of("Na"), Element.of("O"), Element.of("B"), Element.of("N"), Element.of("H"));

    private static Uf3Design.Rows rows(int na, int o, int b, int n, int h) {
        List<Element> s = new ArrayList<>();
        int[] c = {na, o, b, n, h};
        for (int k = 0; k < 5; k++) for (int i = 0; i < c[k]; i++) s.add(ELS.get(k));
        return new Uf3Design.Rows("g", "t", s.toArray(new Element[0]), new double[1], 0, 0, new double[0][], new double[0], new double[0],
                null, null, null);
    }

    @Test
    void atomEnergiesFixOnlyCompositionsInTheSpan() {
        var x0 = rows(24, 8, 8, 0, 32);
        var x1 = rows(16, 0, 8, 8, 48);
        var x05 = rows(20, 4, 8, 4, 40);
        var na2o = rows(32, 16, 0, 0, 0);
        var nabh4 = rows(16, 0, 16, 0, 64);
        var span = new CompositionSpan(ELS, List.of(x0, x1));
        assertThat(span.contains(x05)).isTrue();
        assertThat(span.contains(rows(48, 16, 16, 0, 64))).isTrue();
        assertThat(span.contains(na2o)).isFalse();
        assertThat(span.contains(nabh4)).isFalse();
        var withVacancy = new CompositionSpan(ELS, List.of(x0, x1, rows(23, 8, 8, 0, 32)));
        assertThat(withVacancy.contains(rows(1, 0, 0, 0, 0))).isTrue();
        assertThat(withVacancy.contains(na2o)).isFalse();
        var withNabh4 = new CompositionSpan(ELS, List.of(x0, x1, nabh4));
        assertThat(withNabh4.contains(na2o)).isTrue();
        assertThat(new CompositionSpan(List.of(Element.of("Na"), Element.of("O")), List.of(na2o)).contains(x0)).isFalse();
    }
}
