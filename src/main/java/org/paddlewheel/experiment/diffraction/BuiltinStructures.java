package org.paddlewheel.experiment.diffraction;

import java.util.List;
import java.util.Locale;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.InputException;
import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Structure;

/**
 * Demonstration structures for {@code paddlewheel xrd --builtin NAME}: rock-salt NaCl (Fm-3m,
 * a = 5.6402 Å, Swanson &amp; Fuyat, NBS Circular 539 vol. II (1953) p. 41) built with the
 * {@link Structure} API, and the paper's cubic Na2(NH2)(BH4) (Pm-3m, a = 4.70 Å at 15 °C): B at
 * (0,0,0) with a rotationally disordered shell of 4 H at 1.21 Å, N at (½,½,½) with 2 H at 1.03 Å,
 * Na on the three face centres with occupancy 2/3 (one vacancy per formula unit).
 */
public final class BuiltinStructures {
    private BuiltinStructures() {}

    /** Names accepted by {@link #of}. */
    public static final List<String> NAMES = List.of("nacl", "na2nh2bh4");

    /** NaCl lattice parameter in Å (Swanson &amp; Fuyat 1953, 26 °C). */
    public static final double NACL_A = 5.6402;
    /** Cubic Na2(NH2)(BH4) lattice parameter in Å (the paper, SXRD at 15 °C). */
    public static final double NA2NH2BH4_A = 4.70;

    /** A builtin by name; {@code a} (Å) overrides the lattice parameter when &gt; 0. */
    public static Crystal of(String name, double a, double bIso) {
        return switch (name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "")) {
            case "nacl" -> Crystal.of(nacl(a > 0 ? a : NACL_A), bIso);
            case "na2nh2bh4", "na2(nh2)(bh4)" -> na2nh2bh4(a > 0 ? a : NA2NH2BH4_A, bIso);
            default -> throw new InputException("unknown builtin structure '" + name + "'; known: " + String.join(", ", NAMES));
        };
    }

    /** Conventional 8-atom cell of rock-salt NaCl with lattice parameter {@code a} (Å). */
    public static Structure nacl(double a) {
        Structure.Builder b = Structure.builder(Lattice.cubic(a));
        double[][] fcc = {{0, 0, 0}, {0, 0.5, 0.5}, {0.5, 0, 0.5}, {0.5, 0.5, 0}};
        for (double[] t : fcc) b.addFractional(Element.NA, t[0], t[1], t[2]);
        for (double[] t : fcc) b.addFractional(Element.CL, (t[0] + 0.5) % 1.0, t[1], t[2]);
        return b.build();
    }

    /** Cubic antiperovskite Na2(NH2)(BH4) with lattice parameter {@code a} (Å). */
    public static Crystal na2nh2bh4(double a, double bIso) {
        double occ = 2.0 / 3.0;
        return new Crystal("Na2(NH2)(BH4)", Lattice.cubic(a), List.of(
                new Crystal.Site("B", new double[] {0, 0, 0}, 1, bIso, List.of(new Crystal.Shell("H", 4, 1.21))),
                new Crystal.Site("N", new double[] {0.5, 0.5, 0.5}, 1, bIso, List.of(new Crystal.Shell("H", 2, 1.03))),
                new Crystal.Site("Na", new double[] {0.5, 0.5, 0}, occ, bIso, List.of()),
                new Crystal.Site("Na", new double[] {0.5, 0, 0.5}, occ, bIso, List.of()),
                new Crystal.Site("Na", new double[] {0, 0.5, 0.5}, occ, bIso, List.of())));
    }
}
