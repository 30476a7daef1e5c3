package org.paddlewheel.cp2k;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.paddlewheel.io.AtomicFile;
import org.paddlewheel.io.Cp2kTrajectory;
import org.paddlewheel.io.Formats;
import org.paddlewheel.io.TrajectoryReader;
import org.paddlewheel.io.TrajectoryWriter;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.Frame;
import org.paddlewheel.model.InputException;
import org.paddlewheel.model.Molecule;
import org.paddlewheel.model.MoleculeFinder;
import org.paddlewheel.model.Structure;

/**
 * Ab initio MD with CP2K in the paper's protocol (Tsai et al., Experimental Section: 0.5 fs,
 * Langevin friction 10 ps⁻¹, NPT at 0 GPa, 3 ps equilibration then production, species frozen by
 * fixing their atoms). CP2K's LANGEVIN ensemble is NVT; NPT runs use NPT_I with a CSVR thermostat
 * of time constant 1/γ (CP2K has no Langevin barostat). Leaves CP2K's files ({@code md-pos-1.xyz},
 * {@code md-1.cell}, {@code md-1.ener}) and the embedded engine's outputs: {@code trajectory.extxyz}
 * (production frames only) and {@code thermo.csv} with the same columns.
 *
 * @param npt             NPT_I (true) or Langevin NVT
 * @param temperatureK    K
 * @param timestepFs      fs
 * @param equilibrationSteps steps left out of trajectory.extxyz
 * @param productionSteps steps kept
 * @param everySteps      trajectory interval, steps
 * @param frictionPerPs   Langevin friction, ps⁻¹
 * @param pressureGPa     NPT target pressure, GPa
 * @param barostatFs      barostat time constant, fs
 * @param freeze          element symbols or molecule formulas (BH4, NH2) whose atoms are fixed
 */
public record Cp2kMd(boolean npt, double temperatureK, double timestepFs, long equilibrationSteps, long productionSteps,
                     long everySteps, double frictionPerPs, double pressureGPa, double barostatFs, List<String> freeze) {
    public Cp2kMd {
        if (!(temperatureK > 0)) throw new InputException("temperature must be above 0 K, got " + temperatureK);
        if (!(timestepFs > 0) || equilibrationSteps < 0 || productionSteps < 1 || everySteps < 1) {
            throw new InputException("time step, run length and trajectory interval must be positive");
        }
        freeze = List.copyOf(freeze);
    }

    /** 1-based indices of the atoms that {@link #freeze} names in {@code s}. */
    public int[] frozenAtoms(Structure s) {
        TreeSet<Integer> idx = new TreeSet<>();
        List<Molecule> mols = freeze.isEmpty() ? List.of() : MoleculeFinder.find(s);
        for (String name : freeze) {
            int hit = 0;
            for (Molecule m : mols) {
                if (m.formula().equals(name)) {
                    for (int a : m.atoms()) idx.add(a + 1);
                    hit++;
                }
            }
            Element el = hit == 0 ? Element.find(name) : null;
            if (el != null && name.equals(el.symbol())) {
                for (int i = 0; i < s.size(); i++) if (s.species(i) == el) { idx.add(i + 1); hit++; }
            }
            if (hit == 0) throw new InputException("--freeze " + name + ": no molecule or element of that name in the structure");
        }
        return idx.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The complete CP2K input. */
    public String input(Structure s, Cp2kSettings st, Path dir) {
        return Cp2kInput.global("md", Cp2kInput.RunType.MD) + Cp2kInput.forceEval(s, st, null, npt)
                + Cp2kMotion.md(npt, temperatureK, timestepFs, equilibrationSteps + productionSteps, frictionPerPs, pressureGPa,
                barostatFs, frozenAtoms(s), everySteps)
                + Cp2kJobs.restartIfAny(dir, "md");
    }

    /** Runs (or continues) the MD in {@code dir} and writes trajectory.extxyz and thermo.csv. */
    public void run(Structure s, Cp2kSettings st, Cp2kRunner runner, Path dir) throws IOException, InterruptedException {
        Cp2kJobs.runChecked(runner, dir, "md", input(s, st, dir));
        convert(s, dir);
    }

    /** Converts CP2K's trajectory and energy file into trajectory.extxyz (production only) and thermo.csv. */
    public void convert(Structure s, Path dir) throws IOException {
        Path pos = dir.resolve("md-pos-1.xyz");
        try (TrajectoryReader r = Cp2kTrajectory.open(pos, null, s.lattice(), timestepFs);
             TrajectoryWriter w = Formats.createTrajectoryWriter(dir.resolve("trajectory.extxyz"), "extxyz")) {
            while (r.hasNext()) {
                Frame f = r.next();
                if (f.step() < equilibrationSteps) continue;
                w.write(new Frame(f.structure(), (f.step() - equilibrationSteps) * timestepFs, f.step() - equilibrationSteps));
            }
        }
        Path ener = dir.resolve("md-1.ener");
        if (!Files.exists(ener)) return;
        List<String> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(ener);
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).trim();
            if (l.isEmpty() || l.startsWith("#")) continue;
            String[] t = l.split("\\s+");
            if (t.length < 6) throw new InputException(ener, i + 1, "expected 'step time Ekin T Epot Econs ...'");
            long step = Long.parseLong(t[0]);
            double ekin = Double.parseDouble(t[2]) * Cp2kOutput.HARTREE_EV, epot = Double.parseDouble(t[4]) * Cp2kOutput.HARTREE_EV;
            rows.add(String.format(Locale.ROOT, "%d,%.6f,%.3f,%.6f,%.6f,%.6f,,", step, step * timestepFs / 1000.0, Double.parseDouble(t[3]),
                    epot, ekin, epot + ekin));
        }
        AtomicFile.writeText(dir.resolve("thermo.csv"), w -> {
            w.write("step,time_ps,T_K,Epot_eV,Ekin_eV,Etot_eV,P_GPa,volume_A3\n");
            for (String row : rows) w.write(row + "\n");
        });
    }
}
