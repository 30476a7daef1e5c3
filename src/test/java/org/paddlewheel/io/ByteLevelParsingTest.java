package org.paddlewheel.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.Frame;

/**
 * The extended-XYZ and LAMMPS-dump readers parse common atom lines from bytes and leave every
 * other line to the String route. Whatever mixture of shapes a file holds, the values must be
 * exactly Double.parseDouble's of the text — checked on seeded files mixing plain decimals,
 * exponents, 20-digit mantissas, '+' signs and labels.
 */
class ByteLevelParsingTest {
    @TempDir Path dir;

    /** One coordinate written in one of several shapes, some outside the byte parser's fast path. */
    private static String number(SplittableRandom rng, double v) {
        return switch (rng.nextInt(5)) {
            case 0 -> String.format(Locale.ROOT, "%.10f", v);
            case 1 -> String.format(Locale.ROOT, "%.6e", v);
            case 2 -> String.format(Locale.ROOT, "%.19f", v);          // > 18 digits: exact route
            case 3 -> (v >= 0 ? "+" : "") + String.format(Locale.ROOT, "%.4f", v);
            default -> Double.toString(v);
        };
    }

    private static List<Frame> all(TrajectoryReader r) {
        List<Frame> out = new ArrayList<>();
        try (r) {
            while (r.hasNext()) out.add(r.next());
        }
        return out;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void extendedXyzByteRouteEqualsStringRoute(long seed) throws Exception {
        SplittableRandom rng = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder();
        String[] sp = {"Na", "Na", "B", "H", "O"};
        for (int f = 0; f < 40; f++) {
            sb.append(sp.length).append('\n').append("Lattice=\"7 0 0 0 7 0 0 0 7\" Properties=species:S:1:pos:R:3 Time=").append(f).append('\n');
            for (int i = 0; i < sp.length; i++) {
                String label = rng.nextInt(10) == 0 ? sp[i] + "1" : sp[i];   // labels go the String way
                sb.append(label);
                for (int k = 0; k < 3; k++) sb.append(' ').append(number(rng, rng.nextDouble() * 14 - 7));
                sb.append('\n');
            }
        }
        Path file = dir.resolve("t.extxyz");
        Files.writeString(file, sb);
        List<Frame> bytes = all(ExtendedXyz.open(file, 0));
        List<Frame> strings = all(ExtendedXyz.open(new BufferedReader(new StringReader(sb.toString())), "t.extxyz", 0, null));
        assertThat(bytes).hasSameSizeAs(strings);
        for (int f = 0; f < bytes.size(); f++) {
            assertThat(bytes.get(f).structure().positions()).as("frame %d seed %d", f, seed).containsExactly(strings.get(f).structure().positions());
            assertThat(bytes.get(f).structure().speciesArray()).containsExactly(strings.get(f).structure().speciesArray());
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {4, 5})
    void lammpsDumpValuesAreThoseOfTheText(long seed) throws Exception {
        SplittableRandom rng = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder();
        int n = 6, frames = 30;
        double[][] want = new double[frames][3 * n];
        for (int f = 0; f < frames; f++) {
            sb.append("ITEM: TIMESTEP\n").append(f * 10).append("\nITEM: NUMBER OF ATOMS\n").append(n)
              .append("\nITEM: BOX BOUNDS pp pp pp\n0 9\n0 9\n0 9\nITEM: ATOMS id type element x y z ix iy iz\n");
            for (int j = 0; j < n; j++) {
                int id = n - j;                                          // reverse order: the reader sorts by id
                sb.append(id).append(' ').append(id % 2 + 1).append(' ').append(id % 2 == 0 ? "Na" : "Cl");
                String[] t = new String[3];
                int[] img = new int[3];
                for (int k = 0; k < 3; k++) {
                    t[k] = number(rng, rng.nextDouble() * 9);
                    img[k] = rng.nextInt(3) - 1;
                    sb.append(' ').append(t[k]);
                }
                for (int k = 0; k < 3; k++) sb.append(' ').append(img[k]);
                sb.append('\n');
                for (int k = 0; k < 3; k++) want[f][3 * (id - 1) + k] = Double.parseDouble(t[k]) + 9.0 * img[k];
            }
        }
        Path file = dir.resolve("t.lammpstrj");
        Files.writeString(file, sb);
        List<Frame> got = all(LammpsDump.open(file, 0));
        assertThat(got).hasSize(frames);
        for (int f = 0; f < frames; f++) {
            assertThat(got.get(f).structure().positions()).as("frame %d seed %d", f, seed).containsExactly(want[f]);
            assertThat(got.get(f).structure().species(0)).isEqualTo(Element.CL);
        }
    }
}
