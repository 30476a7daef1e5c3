package org.paddlewheel.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SeriesStoreTest {
    /** A store over a tiny heap budget spills to its file and reads back exactly what a heap store holds; seeded. */
    @Test
    void spilledStoreReadsBackExactly() {
        for (boolean single : new boolean[] {false, true}) {
            int channels = 7, frames = 20_000;
            SplittableRandom rnd = new SplittableRandom(single ? 3 : 4);
            try (SeriesStore heap = new SeriesStore(channels, single, Long.MAX_VALUE);
                 SeriesStore disk = new SeriesStore(channels, single, 1)) {
                double[] row = new double[channels];
                for (int t = 0; t < frames; t++) {
                    for (int c = 0; c < channels; c++) row[c] = rnd.nextGaussian() * 100;
                    heap.append(row);
                    disk.append(row);
                }
                assertThat(heap.spilled()).isFalse();
                assertThat(disk.spilled()).isTrue();
                assertThat(disk.frames()).isEqualTo(frames);
                for (int c = 0; c < channels; c++) assertThat(disk.channel(c)).containsExactly(heap.channel(c));
                for (int k = 0; k < 5000; k++) {                  // random access through the block cache
                    int c = rnd.nextInt(channels), t = rnd.nextInt(frames);
                    assertThat(disk.get(c, t)).isEqualTo(heap.get(c, t));
                }
                double[] a = new double[3001], b = new double[3001];
                heap.copy(2, 15_000, 3001, a);
                disk.copy(2, 15_000, 3001, b);
                assertThat(b).containsExactly(a);
                SeriesStore s = disk.slice(3, 2);
                assertThat(s.channels()).isEqualTo(2);
                assertThat(s.channel(1)).containsExactly(heap.channel(4));
                assertThat(s.get(0, 19_999)).isEqualTo(heap.get(3, 19_999));
            }
        }
    }
}
