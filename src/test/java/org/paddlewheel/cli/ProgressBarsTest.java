package org.paddlewheel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import me.tongfei.progressbar.ProgressBar;
import org.junit.jupiter.api.Test;

/** Progress output when stderr is not a terminal: whole lines, no escape codes, no carriage returns. */
class ProgressBarsTest {
    @Test
    void noEscapeCodesWhenStderrIsNotATerminal() throws Exception {
        String old = System.getProperty("paddlewheel.stderr.tty");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            System.setProperty("paddlewheel.stderr.tty", "false");
            assertThat(ProgressBars.stderrIsTerminal()).isFalse();
            try (PrintStream ps = new PrintStream(bytes, true, StandardCharsets.UTF_8);
                 ProgressBar pb = ProgressBars.builder("md", ps).setInitialMax(1000).setUpdateIntervalMillis(1).build()) {
                for (int i = 0; i < 1000; i += 50) {
                    pb.stepTo(i);
                    Thread.sleep(2);
                }
                pb.stepTo(1000);
            }
        } finally {
            if (old == null) System.clearProperty("paddlewheel.stderr.tty"); else System.setProperty("paddlewheel.stderr.tty", old);
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("md").contains("100%");
        assertThat(out).doesNotContain("\u001b").doesNotContain("\r");
        // rate-limited to one line per 30 s plus the last: a 1 s task gives at most 2 different lines
        // (under load the library's refresh thread and close() can both print the final state, so the
        // 100 % line may appear twice: measured once in a verify run beside a CP2K job)
        assertThat(out.strip().lines().distinct().count()).as(out).isBetween(1L, 2L);
    }

    @Test
    void colouredInPlaceOnATerminal() {
        String old = System.getProperty("paddlewheel.stderr.tty");
        try {
            System.setProperty("paddlewheel.stderr.tty", "true");
            assertThat(ProgressBars.stderrIsTerminal()).isTrue();
        } finally {
            if (old == null) System.clearProperty("paddlewheel.stderr.tty"); else System.setProperty("paddlewheel.stderr.tty", old);
        }
    }
}
