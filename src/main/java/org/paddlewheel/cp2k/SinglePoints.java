package org.paddlewheel.cp2k;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.paddlewheel.io.LabelledXyz;
import org.paddlewheel.io.LabelledXyz.Labelled;
import org.paddlewheel.model.InputException;
import org.paddlewheel.model.Structure;

/**
 * A resumable series of CP2K single points (energy, forces, stress, Mulliken charges) written to
 * {@code DIR/single-points.extxyz}, one frame per input in input order (ASE conventions, see
 * {@link LabelledXyz}). After each structure the whole file is rewritten atomically, so it only
 * ever holds finished frames; a rerun skips the inputs whose {@code source} already appears in
 * order. Each calculation runs in {@code DIR/work/NNNN/}; its SCF starts from the previous
 * structure's wavefunction when the atoms are the same in the same order (a neighbouring MD
 * snapshot converges in far fewer iterations), or from its own restart file after an
 * interruption.
 */
public final class SinglePoints {
    /** The dataset file inside the output folder. */
    public static final String FILE = "single-points.extxyz";

    /**
     * One structure to compute.
     *
     * @param structure  the configuration
     * @param source     where it came from ("file#frame"), used to match finished work on resume
     * @param configType the data group it belongs to (ASE/GAP convention {@code config_type})
     * @param charge     total charge, e (a uniform background compensates it)
     */
    public record Input(Structure structure, String source, String configType, int charge) {}

    private final Cp2kSettings settings;
    private final Cp2kRunner runner;
    private final Path dir;
    private final Consumer<String> log;

    public SinglePoints(Cp2kSettings settings, Cp2kRunner runner, Path dir, Consumer<String> log) {
        this.settings = settings;
        this.runner = runner;
        this.dir = dir;
        this.log = log;
    }

    /** Computes every input not yet in the dataset; returns the whole dataset in input order. */
    public List<Labelled> run(List<Input> inputs) throws IOException, InterruptedException {
        return run(inputs, null);
    }

    /**
     * As {@link #run(List)}; {@code firstGuess} (may be null) is a CP2K wavefunction file used as the
     * SCF start of the first structure computed when nothing closer exists (no own restart file, no
     * previous structure with the same atoms). It must come from a cell with the same atoms in the
     * same order, e.g. another snapshot of the same MD run; CP2K stops on a mismatch.
     */
    public List<Labelled> run(List<Input> inputs, Path firstGuess) throws IOException, InterruptedException {
        Files.createDirectories(dir.resolve("work"));
        Path file = dir.resolve(FILE);
        List<Labelled> done = LabelledXyz.read(file);
        if (done.size() > inputs.size()) {
            throw new InputException(file, 0, "holds " + done.size() + " frames but only " + inputs.size() + " inputs were given; use another -o DIR");
        }
        for (int i = 0; i < done.size(); i++) {
            String was = done.get(i).info().get("source");
            if (!inputs.get(i).source().equals(was)) {
                throw new InputException(file, 0, "frame " + (i + 1) + " came from '" + was + "', not from input " + (i + 1)
                        + " '" + inputs.get(i).source() + "'; use another -o DIR or give the inputs in their first order");
            }
        }
        if (!done.isEmpty()) log.accept(done.size() + " of " + inputs.size() + " single points already done in " + file);
        List<Labelled> all = new ArrayList<>(done);
        String version = runner.version();
        for (int i = done.size(); i < inputs.size(); i++) {
            Input in = inputs.get(i);
            Path work = dir.resolve("work").resolve(String.format(Locale.ROOT, "%04d", i + 1));
            Files.createDirectories(work);
            Path own = work.resolve("sp-RESTART.wfn");
            Path wfn = null;
            if (Files.exists(own)) {
                wfn = own;
            } else if (i > 0 && sameAtoms(inputs.get(i - 1).structure(), in.structure()) && inputs.get(i - 1).charge() == in.charge()) {
                Path prev = dir.resolve("work").resolve(String.format(Locale.ROOT, "%04d", i)).resolve("sp-RESTART.wfn");
                if (Files.exists(prev)) wfn = prev.toAbsolutePath();
            } else if (i == done.size() && firstGuess != null && Files.exists(firstGuess)) {
                wfn = firstGuess.toAbsolutePath();
            }
            Cp2kSettings st = settings.withCharge(in.charge());
            Path guess = wfn == null ? null : wfn.equals(own) ? Path.of("sp-RESTART.wfn") : wfn;
            Files.writeString(work.resolve("sp.inp"), Cp2kInput.singlePoint("sp", in.structure(), st, guess));
            long t0 = System.nanoTime();
            int rc = runner.run(work, "sp.inp", "sp.out");
            double wall = (System.nanoTime() - t0) * 1e-9;
            Path out = work.resolve("sp.out");
            if (!Files.exists(out)) {
                throw new InputException(work.resolve("cp2k.log"), 0, "CP2K wrote no output (exit status " + rc + "); see this log");
            }
            Cp2kOutput r = Cp2kOutput.read(out, in.structure().size());
            Map<String, String> info = new LinkedHashMap<>();
            info.put("config_type", in.configType());
            info.put("source", in.source());
            if (in.charge() != 0) info.put("charge", Integer.toString(in.charge()));
            info.put("level_of_theory", st.describe());
            // the grid CP2K chose: its effective cut-off differs from cell to cell (GpwGrid, fit-ff --cutoff-correction)
            int[] grid = GpwGrid.read(out);
            if (grid != null) info.put("cp2k_grid", grid[0] + " " + grid[1] + " " + grid[2]);
            info.put("cp2k_version", version);
            info.put("net_force_eV_per_A", String.format(Locale.ROOT, "%.5f", r.netForceNorm()));
            info.put("scf_steps", Integer.toString(r.scfSteps()));
            info.put("scf_guess", wfn == null ? "atomic" : "restart");
            info.put("wall_s", String.format(Locale.ROOT, "%.1f", wall));
            info.put("mpi_ranks", Integer.toString(runner.ranks()));
            // Mulliken, not Hirshfeld: CP2K's Hirshfeld partition (Gaussian shape functions by default)
            // gives Na −1.2 to −1.9 e with the 9-electron GTH potential, measured on the first scans.
            info.put("charges_method", r.mulliken() != null ? "mulliken" : "none");
            all.add(new Labelled(in.structure(), r.energyEv(), r.forcesEvPerA(), r.stressEvPerA3(), r.mulliken(), info));
            LabelledXyz.write(file, all);
            log.accept(String.format(Locale.ROOT, "single point %d/%d (%s, %d atoms): E = %.6f eV, |ΣF| = %.3f eV/Å, %d SCF steps, %.0f s",
                    i + 1, inputs.size(), in.source(), in.structure().size(), r.energyEv(), r.netForceNorm(), r.scfSteps(), wall));
            // Keep only the newest wavefunction (the next structure's guess); older ones are large and unused.
            if (i > 0) deleteQuietly(dir.resolve("work").resolve(String.format(Locale.ROOT, "%04d", i)).resolve("sp-RESTART.wfn"));
        }
        return all;
    }

    static boolean sameAtoms(Structure a, Structure b) {
        if (a.size() != b.size()) return false;
        return Arrays.equals(a.speciesArray(), b.speciesArray());
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
