package org.paddlewheel.study;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Runs the unfinished runs of a campaign as independent jobs on a fixed pool of workers
 * ({@code threads / threadsPerRun} at once), each job = engine run, the completion marker, then
 * the analysis into {@code result.json} (a failed analysis keeps the run; the report retries it). Finished runs (marker present) are skipped, so
 * calling it again resumes; an unfinished run the engine can continue from its own checkpoint
 * ({@link Engine#canResume}) is continued instead of restarted. One overall progress bar on stderr (units: run-thousandths) whose
 * message shows each active run's progress and ETA; silent when {@code quiet}.
 */
public final class Scheduler {
    /** Outcome of one scheduled run. */
    public record Outcome(String runId, boolean skipped, boolean ok, double wallSeconds, String error) {}

    private final Engine engine;
    private final String forceField;
    private final int workers;
    private final int threadsPerRun;
    private final boolean quiet;
    private final PrintStream err;

    public Scheduler(Engine engine, String forceField, int threads, int threadsPerRun, boolean quiet, PrintStream err) {
        this.engine = engine;
        this.forceField = forceField;
        this.threadsPerRun = Math.max(1, threadsPerRun);
        this.workers = Math.max(1, threads / this.threadsPerRun);
        this.quiet = quiet;
        this.err = err;
    }

    /** Runs every unfinished folder; returns one outcome per folder, in the given order. */
    public List<Outcome> runAll(List<RunFolder> runs, RunAnalyzer analyzer) throws InterruptedException {
        List<RunFolder> todo = runs.stream().filter(r -> !r.isComplete()).toList();
        Map<String, double[]> active = new ConcurrentHashMap<>();   // id -> {fraction, startNanos}
        ProgressBar bar = quiet || todo.isEmpty() ? null : new ProgressBarBuilder()
                .setTaskName("study")
                .setInitialMax(todo.size() * 1000L).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500)
                .setConsumer(new ConsoleProgressBarConsumer(err, 160)).hideEta().build();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(workers, Math.max(1, todo.size())));
        List<Future<Outcome>> futures = new ArrayList<>();
        double[] doneUnits = {0};
        try {
            for (RunFolder r : todo) {
                futures.add(pool.submit(() -> {
                    long t0 = System.nanoTime();
                    double[] st = {0, t0};
                    active.put(display(r.spec()), st);
                    try {
                        java.util.function.DoubleConsumer progress = f -> {
                            st[0] = Math.max(0, Math.min(1, f));
                            refresh(bar, active, doneUnits);
                        };
                        boolean resumed = engine.canResume(r.spec(), forceField, r.dir(), threadsPerRun);
                        if (resumed) {
                            try {
                                engine.resume(r.spec(), forceField, r.dir(), threadsPerRun, progress);
                            } catch (Exception e) {
                                resumed = false;   // checkpoint unusable: start the run again
                                r.prepare();
                                engine.run(r.spec(), forceField, r.dir(), threadsPerRun, progress);
                            }
                        } else {
                            r.prepare();
                            engine.run(r.spec(), forceField, r.dir(), threadsPerRun, progress);
                        }
                        double wall = (System.nanoTime() - t0) / 1e9;
                        r.markComplete(engine.name(), engine.version(), wall, resumed);
                        try {
                            RunFolder.writeJson(r.file(RunFolder.RESULT), analyzer.analyse(r));
                        } catch (Exception | LinkageError e) {
                            // The MD run is kept; the report retries the analysis.
                            return new Outcome(r.id(), false, true, wall, "analysis pending: " + e.getMessage());
                        }
                        return new Outcome(r.id(), false, true, wall, null);
                    } catch (Exception | LinkageError e) {
                        return new Outcome(r.id(), false, false, (System.nanoTime() - t0) / 1e9,
                                e.getClass().getSimpleName() + ": " + e.getMessage());
                    } finally {
                        active.remove(display(r.spec()));
                        synchronized (doneUnits) { doneUnits[0] += 1000; }
                        refresh(bar, active, doneUnits);
                    }
                }));
            }
            pool.shutdown();
            pool.awaitTermination(Long.MAX_VALUE, TimeUnit.DAYS);
        } finally {
            pool.shutdownNow();
            if (bar != null) bar.close();
        }
        Map<String, Outcome> byId = new ConcurrentHashMap<>();
        for (Future<Outcome> f : futures) {
            try {
                Outcome o = f.get();
                byId.put(o.runId(), o);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        List<Outcome> out = new ArrayList<>();
        for (RunFolder r : runs) out.add(byId.getOrDefault(r.id(), new Outcome(r.id(), true, true, 0, null)));
        return out;
    }

    private static void refresh(ProgressBar bar, Map<String, double[]> active, double[] doneUnits) {
        if (bar == null) return;
        double units;
        synchronized (doneUnits) { units = doneUnits[0]; }
        StringBuilder msg = new StringBuilder();
        long now = System.nanoTime();
        for (Map.Entry<String, double[]> e : active.entrySet()) {
            double f = e.getValue()[0];
            units += 1000 * f;
            double elapsed = (now - e.getValue()[1]) / 1e9;
            String eta = f > 0.01 ? formatSeconds(elapsed * (1 - f) / f) : "?";
            if (msg.length() > 0) msg.append(" | ");
            msg.append(String.format(Locale.ROOT, "%s %2.0f%% ETA %s", e.getKey(), 100 * f, eta));
        }
        synchronized (bar) {
            bar.stepTo((long) units);
            bar.setExtraMessage(msg.toString());
        }
    }

    /** Short label of a run in the progress line: "x=1 700K BH4-frozen s2". */
    static String display(RunSpec s) {
        return String.format(Locale.ROOT, "%sx=%s %.0fK%s s%d", s.isPbcm() ? "Pbcm " : "", StudyText.trim(s.x()), s.temperatureK(),
                s.frozen() == Frozen.NONE ? "" : " " + s.frozen().label(), s.seed());
    }

    /** "1h02m", "3m05s", "42s". */
    static String formatSeconds(double s) {
        long t = Math.round(s);
        if (t >= 3600) return String.format(Locale.ROOT, "%dh%02dm", t / 3600, (t % 3600) / 60);
        if (t >= 60) return String.format(Locale.ROOT, "%dm%02ds", t / 60, t % 60);
        return t + "s";
    }
}
