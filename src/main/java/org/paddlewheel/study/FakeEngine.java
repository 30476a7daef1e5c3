package org.paddlewheel.study;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleConsumer;
import org.paddlewheel.io.ExtendedXyz;
import org.paddlewheel.io.TrajectoryWriter;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.Frame;
import org.paddlewheel.model.Molecule;
import org.paddlewheel.model.MoleculeFinder;
import org.paddlewheel.model.Structure;
import org.paddlewheel.model.Units;

/**
 * A stand-in MD engine with known answers, for testing the study pipeline in seconds: it builds
 * the run's cell, then writes a synthetic production trajectory in which Na ions are Brownian
 * walkers with the {@link KnownAnswers} diffusivity and every BH4/NH2 anion undergoes rotational
 * diffusion about its fixed centre with D_r = 1/(2τ) (so C1(t) = exp(−t/τ)); frozen species do
 * not move. Beside it goes {@code truth.json}: the true D and τ and the {@link RunResult} an
 * analysis would report. At most {@link #MAX_FRAMES} frames are written. Nothing here is
 * physics of the material; the report flags every number from this engine as synthetic.
 */
public final class FakeEngine implements Engine {
    /** Upper bound on frames written per run. */
    public static final int MAX_FRAMES = 200;
    /** The file with the known answers. */
    public static final String TRUTH = "truth.json";

    private final AtomicInteger invocations = new AtomicInteger();

    @Override public String name() { return "fake"; }

    @Override public String version() { return "synthetic Brownian walkers and rotors (known answers)"; }

    /** How many runs this instance has started (tests count resumed runs with it). */
    public int invocations() { return invocations.get(); }

    @Override
    public void run(RunSpec spec, String forceField, Path dir, int threads, DoubleConsumer progress) throws Exception {
        invocations.incrementAndGet();
        Structure s = EmbeddedEngine.cell(spec);
        List<Molecule> molecules = MoleculeFinder.find(s);
        int nNa = s.indicesOf(Element.NA).length;
        int nBh4 = 0, nNh2 = 0;
        for (Molecule m : molecules) {
            if (s.species(m.centre()) == Element.B) nBh4++;
            else if (s.species(m.centre()) == Element.N) nNh2++;
        }
        writeTrajectory(spec, s, molecules, dir.resolve(RunFolder.TRAJECTORY), progress);
        RunResult measured = KnownAnswers.measured(dir.getFileName().toString(), spec, nNa, nBh4, nNh2, s.lattice().volume());
        var truth = RunFolder.JSON.createObjectNode();
        truth.put("D_Na_cm2_per_s", KnownAnswers.dNa(spec));
        truth.put("tau_BH4_ps", KnownAnswers.tauBh4Ps(spec));
        truth.put("tau_NH2_ps", KnownAnswers.tauNh2Ps(spec));
        truth.put("Ea_eV", KnownAnswers.eaEv(spec.x()));
        truth.set("measured", RunFolder.JSON.valueToTree(measured));
        RunFolder.writeJson(dir.resolve(TRUTH), truth);
        progress.accept(1.0);
    }

    private static void writeTrajectory(RunSpec spec, Structure s, List<Molecule> molecules, Path file,
                                        DoubleConsumer progress) {
        double interval = Math.max(spec.frameIntervalFs(), spec.productionFs() / MAX_FRAMES);
        int frames = (int) Math.floor(spec.productionFs() / interval) + 1;
        SplittableRandom rng = new SplittableRandom(spec.seed() * 1_000_003L + Double.hashCode(spec.temperatureK()));
        double[] pos = s.positions();
        int[] na = s.indicesOf(Element.NA);
        double stepA = Math.sqrt(2 * KnownAnswers.dNa(spec) / Units.A2_PER_FS_TO_CM2_PER_S * interval);
        try (TrajectoryWriter w = ExtendedXyz.create(file)) {
            for (int f = 0; f < frames; f++) {
                if (f > 0) {
                    for (int i : na) for (int k = 0; k < 3; k++) pos[3 * i + k] += stepA * KnownAnswers.gaussian(rng);
                    for (Molecule m : molecules) rotate(spec, s, m, pos, interval, rng);
                }
                w.write(new Frame(s.withPositions(pos.clone(), null), f * interval, Math.round(f * interval / spec.timestepFs())));
                progress.accept((f + 1.0) / frames * 0.99);
            }
        }
    }

    private static void rotate(RunSpec spec, Structure s, Molecule m, double[] pos, double dtFs, SplittableRandom rng) {
        Element c = s.species(m.centre());
        double tauPs;
        if (c == Element.B && spec.frozen() != Frozen.BH4) tauPs = KnownAnswers.tauBh4Ps(spec);
        else if (c == Element.N && spec.frozen() != Frozen.NH2) tauPs = KnownAnswers.tauNh2Ps(spec);
        else return;
        double sd = Math.sqrt(2 * (1 / (2 * tauPs * 1000)) * dtFs);   // per-axis angle σ, rad
        double wx = sd * KnownAnswers.gaussian(rng), wy = sd * KnownAnswers.gaussian(rng), wz = sd * KnownAnswers.gaussian(rng);
        double angle = Math.sqrt(wx * wx + wy * wy + wz * wz);
        if (angle == 0) return;
        double ux = wx / angle, uy = wy / angle, uz = wz / angle, cos = Math.cos(angle), sin = Math.sin(angle);
        int ci = m.centre();
        double[] v = new double[3];
        for (int l : m.ligands()) {
            s.lattice().minimumImage(pos[3 * l] - pos[3 * ci], pos[3 * l + 1] - pos[3 * ci + 1], pos[3 * l + 2] - pos[3 * ci + 2], v, 0);
            double vx = v[0], vy = v[1], vz = v[2];
            double dot = ux * vx + uy * vy + uz * vz;
            double cx = uy * vz - uz * vy, cy = uz * vx - ux * vz, cz = ux * vy - uy * vx;
            pos[3 * l] = pos[3 * ci] + vx * cos + cx * sin + ux * dot * (1 - cos);
            pos[3 * l + 1] = pos[3 * ci + 1] + vy * cos + cy * sin + uy * dot * (1 - cos);
            pos[3 * l + 2] = pos[3 * ci + 2] + vz * cos + cz * sin + uz * dot * (1 - cos);
        }
    }
}
