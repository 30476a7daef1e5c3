package org.paddlewheel.cli;

import org.paddlewheel.build.Rattle;
import org.paddlewheel.model.Structure;
import picocli.CommandLine.Option;

/**
 * {@code --rattle Å [--rattle-seed N]}, shared by {@code relax} and {@code dft relax}: displaces every free
 * coordinate of the start uniformly within ±Å ({@link Rattle}) so that the relaxation cannot stop on a
 * symmetric stationary point; off (0) by default.
 */
public final class RattleOptions {
    @Option(names = "--rattle", paramLabel = "Å", defaultValue = "0", converter = Converters.LengthAngstrom.class,
            description = "Displace each free coordinate of the start uniformly within ±this many Å (e.g. 0.02) before relaxing: a start"
                    + " with symmetry (aligned anions) can otherwise stop on a symmetric stationary point (default 0: off).")
    double amplitudeA;
    @Option(names = "--rattle-seed", defaultValue = "1", description = "Seed of --rattle's displacements (default ${DEFAULT-VALUE}).")
    long seed;

    /** The start, rattled when --rattle is positive (held atoms and held x untouched; 0-based index arrays, null for none). */
    Structure apply(Structure s, int[] held, int[] heldX) {
        return amplitudeA > 0 ? Rattle.of(s, amplitudeA, seed, held, heldX) : s;
    }
}
