package org.paddlewheel.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.paddlewheel.forcefield.Cell;
import org.paddlewheel.forcefield.EwaldSum;
import org.paddlewheel.forcefield.ForceField;
import org.paddlewheel.forcefield.LammpsExport;
import org.paddlewheel.forcefield.Topology;
import org.paddlewheel.io.Formats;
import org.paddlewheel.model.Structure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code paddlewheel export-lammps}: data.lammps + in.lammps for the same model and protocol. */
@Command(name = "export-lammps", mixinStandardHelpOptions = true,
        description = "Write DIR/data.lammps and DIR/in.lammps for the same force field (same Ewald α and k-vectors) and MD protocol, or a single point (--single-point).")
public final class ExportLammpsCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    ModelInputOptions model;

    /** The same as --input-format, under the name every command that reads files uses (issue 13). */
    @Option(names = "--format", paramLabel = "FORMAT", description = "Input structure format, as --input-format: poscar, cif, extxyz,"
            + " lammps-data, xdatcar, lammps-dump, traj (first frame) (default: from the name).")
    void format(String f) { model.inputFormat = f; }
    @Option(names = {"-o", "--output"}, required = true, description = "Output directory.")
    Path out;
    @Option(names = "--single-point", description = "run 0 with thermo energies and a per-atom force dump (forces.dump).")
    boolean singlePoint;
    @Option(names = "--ensemble", defaultValue = "nvt", description = "nve, nvt (fix langevin), npt (fix npt iso) or npt-c (fix npt z) (default ${DEFAULT-VALUE}).")
    String ensemble;
    @Option(names = "--temperature", defaultValue = "300K", converter = Converters.TemperatureK.class,
            description = "Temperature (> 0 K) for velocities and the thermostat, e.g. 300K (default ${DEFAULT-VALUE}).")
    double temperatureK;
    @Option(names = "--pressure", defaultValue = "0GPa", converter = Converters.PressureGPa.class,
            description = "Target pressure for npt (GPa, bar, atm) (default ${DEFAULT-VALUE}).")
    double pressureGPa;
    @Option(names = "--timestep", defaultValue = "0.5fs", converter = Converters.TimeFs.class,
            description = "Time step (fs) (default ${DEFAULT-VALUE}).")
    double dtFs;
    @Option(names = "--time", defaultValue = "1ps", converter = Converters.TimeFs.class,
            description = "Run length (fs, ps) (default ${DEFAULT-VALUE}).")
    double timeFs;
    @Option(names = "--every", defaultValue = "10fs", converter = Converters.TimeFs.class,
            description = "Dump and thermo interval (fs, ps) (default ${DEFAULT-VALUE}).")
    double everyFs;
    @Option(names = "--friction", defaultValue = "10", description = "Langevin friction, 1/ps (default ${DEFAULT-VALUE}).")
    double friction;
    @Option(names = "--freeze", split = ",", description = "Frozen species, element or molecule kind.")
    List<String> freeze = new ArrayList<>();
    @Option(names = "--seed", defaultValue = "1", description = "Random seed (integer) for velocities and fix langevin (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        Structure s = model.structure();
        ForceField field = model.forceField();
        Topology top = Topology.build(field, s);
        double q2 = 0;
        for (double c : top.charge) q2 += c * c;
        EwaldSum.Parameters p = EwaldSum.lammpsParameters(field.ewaldAccuracy(), field.cutoffAngstrom(), s.size(), q2, new Cell(s.lattice()));
        LammpsExport.Protocol prot;
        if (singlePoint) {
            prot = LammpsExport.Protocol.singlePoint();
        } else {
            boolean[] mobile = MdCommand.mobileMask(top, s, freeze);
            boolean[] frozen = new boolean[mobile.length];
            for (int i = 0; i < mobile.length; i++) frozen[i] = !mobile[i];
            long every = Math.max(1, Math.round(everyFs / dtFs));
            prot = new LammpsExport.Protocol(ensemble, temperatureK, pressureGPa, dtFs, Math.round(timeFs / dtFs), every, every, friction, seed, frozen);
        }
        LammpsExport.write(out, s, top, p, prot, model.kspace());
        if (!field.splineTriples().isEmpty()) {
            System.err.println("export-lammps: the model has UF3 3-body terms, written for pair_style uf3 (" + org.paddlewheel.forcefield.LammpsUf3File.FILE
                    + "): only a LAMMPS with the ML-UF3 package runs this input"
                    + (org.paddlewheel.forcefield.LammpsUf3File.lammpsHasUf3("lmp") ? " (the local lmp has it)."
                    : "; the local lmp (Debian's 29 Sep 2021 build) does not, so it runs only the 2-body part of a model without three_body."));
        }
        return 0;
    }
}
