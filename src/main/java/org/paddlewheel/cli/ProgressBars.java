package org.paddlewheel.cli;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress bars on stderr: redrawn in place (with colour) on a terminal; elsewhere (a log file, a
 * pipe, a batch system) plain ASCII lines without escape codes or carriage returns, at most one
 * every {@link #LOG_INTERVAL_MS} ms plus the last. Whether stderr is a terminal is what the
 * launcher measured ({@code -Dpaddlewheel.stderr.tty=true|false}, from {@code [ -t 2 ]}); without
 * it, {@link System#console()} (stdin and stdout a terminal) decides.
 */
public final class ProgressBars {
    private ProgressBars() {}

    /** Milliseconds between two progress lines when stderr is not a terminal. */
    static final long LOG_INTERVAL_MS = 30_000;

    /** True when progress may be redrawn in place with escape codes. */
    public static boolean stderrIsTerminal() {
        String p = System.getProperty("paddlewheel.stderr.tty");
        if (p != null) return Boolean.parseBoolean(p);
        return System.console() != null;
    }

    /** A builder for task {@code name} writing to {@code err} in the form that suits it. */
    public static ProgressBarBuilder builder(String name, PrintStream err) {
        ProgressBarBuilder b = new ProgressBarBuilder().setTaskName(name);
        if (stderrIsTerminal()) return b.setConsumer(new ConsoleProgressBarConsumer(err));
        return b.setStyle(ProgressBarStyle.ASCII).setConsumer(new PlainLines(err, LOG_INTERVAL_MS));
    }

    /**
     * Rendered bars as whole lines, rate-limited; the last one is written on close. Synchronised:
     * the bar's refresh thread and the closing thread both call in, and an unsynchronised pair
     * printed the final line twice.
     */
    static final class PlainLines implements ProgressBarConsumer {
        private final PrintStream out;
        private final long intervalMs;
        private long last = Long.MIN_VALUE / 2;
        private String pending, printed;

        PlainLines(PrintStream out, long intervalMs) {
            this.out = out;
            this.intervalMs = intervalMs;
        }

        @Override public int getMaxRenderedLength() { return 100; }

        /** Nothing to erase on a line-oriented stream. */
        @Override public void clear() {}

        @Override
        public synchronized void accept(String rendered) {
            String line = rendered.replace("\r", "").strip();
            if (line.isEmpty() || line.equals(printed) || line.equals(pending)) return;
            long now = System.currentTimeMillis();
            if (now - last >= intervalMs) {
                out.println(line);
                out.flush();
                last = now;
                printed = line;
                pending = null;
            } else {
                pending = line;
            }
        }

        @Override
        public synchronized void close() {
            if (pending != null && !pending.equals(printed)) out.println(pending);
            pending = null;
            out.flush();
        }
    }
}
