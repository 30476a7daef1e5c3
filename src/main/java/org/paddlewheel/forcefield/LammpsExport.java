package org.paddlewheel.forcefield;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.paddlewheel.io.LammpsData;
import org.paddlewheel.model.Structure;

/**
 * Writes a structure and its force field for LAMMPS: the data file through {@link LammpsData}
 * ({@code atom_style full}: molecule ids, charges, bonds, angles, one atom type per species) and
 * an input script for the same model:
 * {@code units metal}; {@code pair_style buck/coul/long} ({@code born/coul/long} when a wall D/r⁸ is
 * present, {@code hybrid/overlay … lj/cut} for Lennard-Jones pairs; UF3 spline pairs as
 * {@code hybrid/overlay coul/long (or buck/coul/long) … table linear N} with the tables in
 * {@link #TABLE_FILE}, see {@link LammpsTable}; atom energies are left out; UF3 3-body terms as
 * {@code … uf3 3} with {@link LammpsUf3File}, for LAMMPS builds with ML-UF3 only), {@code kspace_style ewald} with
 * the same α and kmax as paddlewheel ({@code kspace_modify gewald … kmax/ewald …}) and
 * {@code pair_modify table 0} (analytic erfc), {@code bond_style}/{@code angle_style harmonic}
 * (LAMMPS K is paddlewheel's K: both omit the ½), {@code special_bonds lj/coul}. Protocols: a single
 * point ({@code run 0}, thermo energies and a per-atom force dump for comparisons) or dynamics
 * (NVE; NVT = fix nve + fix langevin; NPT = fix npt, Nosé–Hoover/MTK as LAMMPS has no stochastic
 * cell rescaling in the 2021 build) with frozen groups held by {@code fix setforce 0 0 0} and zero
 * velocity. Species order = atom types 1…n as in the force field; atoms are written in input order
 * with ids 1…N.
 */
public final class LammpsExport {
    /** Dynamics settings for an exported run; ensemble "single-point", "nve", "nvt" or "npt". */
    public record Protocol(String ensemble, double temperatureK, double pressureGPa, double timestepFs, long steps,
                           long dumpEvery, long thermoEvery, double frictionPerPs, long seed, boolean[] frozen) {
        public static Protocol singlePoint() {
            return new Protocol("single-point", 0, 0, 0.5, 0, 1, 1, 0, 1, null);
        }
    }

    /** Table file of the UF3 spline pairs ({@link LammpsTable}), next to in.lammps. */
    public static final String TABLE_FILE = "uf3.table";

    private LammpsExport() {}

    /** Writes {@code data.lammps} (through {@link LammpsData}) and {@code in.lammps} into dir. */
    public static void write(Path dir, Structure s, Topology top, EwaldSum.Parameters ewald, Protocol protocol) throws IOException {
        write(dir, s, top, ewald, protocol, ForceEngine.KSpace.AUTO);
    }

    /**
     * As {@link #write(Path, Structure, Topology, EwaldSum.Parameters, Protocol)} with the k-space method
     * the engine would use: PME becomes {@code kspace_style pppm}, Ewald {@code kspace_style ewald}
     * (AUTO: as the engine decides, {@link ForceEngine#autoUsesPme}).
     */
    public static void write(Path dir, Structure s, Topology top, EwaldSum.Parameters ewald, Protocol protocol, ForceEngine.KSpace kspace)
            throws IOException {
        if (kspace == ForceEngine.KSpace.AUTO && ewald != null) {
            double qsq = 0;
            for (double q : top.charge) qsq += q * q;
            kspace = ForceEngine.autoUsesPme(top.size(), new Cell(s.lattice()), ewald.alpha(), top.forceField.ewaldAccuracy(), qsq)
                    ? ForceEngine.KSpace.PME : ForceEngine.KSpace.EWALD;
        }
        // refuse before anything is written, so a model LAMMPS cannot run leaves no half-written input behind
        String unsupported = LammpsUf3File.unsupported(top.forceField);
        if (unsupported != null) {
            throw new IllegalArgumentException("cannot export " + top.forceField.name() + " to LAMMPS: its 3-body " + unsupported);
        }
        Files.createDirectories(dir);
        writeData(dir.resolve("data.lammps"), s, top);
        Files.writeString(dir.resolve("in.lammps"), input(top, ewald, protocol, "data.lammps", kspace), StandardCharsets.UTF_8);
        if (!top.forceField.splinePairs().isEmpty()) LammpsTable.write(dir.resolve(TABLE_FILE), top.forceField);
        if (!top.forceField.splineTriples().isEmpty()) LammpsUf3File.write(dir.resolve(LammpsUf3File.FILE), top.forceField);
    }

    /**
     * The data file: atom types are the force field's species (1…n, several per element allowed),
     * bond and angle types its bond and angle terms, named by species ("B-Hb", "Hb-B-Hb").
     */
    public static void writeData(Path file, Structure s, Topology top) {
        ForceField ff = top.forceField;
        List<LammpsData.AtomType> types = new ArrayList<>();
        for (ForceField.Species sp : ff.species()) types.add(new LammpsData.AtomType(sp.element(), sp.massAmu(), sp.name()));
        int[] atomType = new int[s.size()];
        for (int i = 0; i < atomType.length; i++) atomType[i] = top.type[i] + 1;
        int[][] bonds = new int[top.bondI.length][];
        for (int k = 0; k < bonds.length; k++) bonds[k] = new int[] {top.bondType[k] + 1, top.bondI[k], top.bondJ[k]};
        int[][] angles = new int[top.angleI.length][];
        for (int k = 0; k < angles.length; k++) angles[k] = new int[] {top.angleType[k] + 1, top.angleI[k], top.angleJ[k], top.angleK[k]};
        List<String> bondNames = new ArrayList<>(), angleNames = new ArrayList<>();
        for (ForceField.BondTerm b : ff.bonds()) {
            ForceField.MoleculeKind m = ff.molecules().get(b.molecule());
            bondNames.add(name(ff, m.centre()) + "-" + name(ff, m.ligand()));
        }
        for (ForceField.AngleTerm a : ff.angles()) {
            ForceField.MoleculeKind m = ff.molecules().get(a.molecule());
            angleNames.add(name(ff, m.ligand()) + "-" + name(ff, m.centre()) + "-" + name(ff, m.ligand()));
        }
        LammpsData.writeFull(file, s, atomType, types,
                new LammpsData.Topology(top.moleculeId, top.charge, bonds, angles, bondNames, angleNames));
    }

    private static String name(ForceField ff, int species) { return ff.species().get(species).name(); }

    /** The input script text. */
    public static String input(Topology top, EwaldSum.Parameters ewald, Protocol p, String dataFile) {
        return input(top, ewald, p, dataFile, ForceEngine.KSpace.AUTO);
    }

    /** The input script text with the given k-space method (see {@link #write(Path, Structure, Topology, EwaldSum.Parameters, Protocol, ForceEngine.KSpace)}). */
    public static String input(Topology top, EwaldSum.Parameters ewald, Protocol p, String dataFile, ForceEngine.KSpace kspace) {
        ForceField ff = top.forceField;
        int nt = ff.species().size();
        boolean lj = ff.pairs().stream().anyMatch(x -> x.style().equals("lennard-jones"));
        boolean wall = ff.pairs().stream().anyMatch(x -> x.d8() != 0);
        boolean spline = !ff.splinePairs().isEmpty();
        boolean three = !ff.splineTriples().isEmpty();
        boolean buck = ff.pairs().stream().anyMatch(x -> x.style().equals("buckingham"));
        String coul = (spline || three) && !buck && !lj ? "coul/long" : wall ? "born/coul/long" : "buck/coul/long";
        double rc = ff.cutoffAngstrom();
        StringBuilder b = new StringBuilder();
        b.append("# LAMMPS input written by paddlewheel for force field ").append(ff.name()).append('\n');
        if (ff.provisional()) b.append("# PROVISIONAL force field: parameters are placeholders, see its description\n");
        b.append("units metal\natom_style full\nboundary p p p\n");
        b.append("read_data ").append(dataFile).append('\n');
        if (three) {
            b.append("# UF3 3-body terms: pair_style uf3 3 (file ").append(LammpsUf3File.FILE).append(") needs a LAMMPS built with the ML-UF3\n")
                    .append("# package (27Jun2024 or later); Debian's lmp (29 Sep 2021) has no uf3 and stops at the pair_style line.\n");
        }
        boolean hybrid = lj || spline || three;
        if (hybrid) {
            b.append(f("pair_style hybrid/overlay %s %.6f", coul, rc)).append(lj ? f(" lj/cut %.6f", rc) : "")
                    .append(spline ? f(" table linear %d", LammpsTable.POINTS) : "").append(three ? " uf3 3" : "").append('\n');
        } else {
            b.append(f("pair_style %s %.6f\n", coul, rc));
        }
        double[][][] par = new double[nt][nt][];
        for (ForceField.PairTerm t : ff.pairs()) {
            if (t.style().equals("buckingham")) par[t.a()][t.b()] = new double[] {t.aEv(), t.rhoAngstrom(), t.c6(), t.d8()};
        }
        String sub = hybrid ? coul + " " : "";
        if (coul.equals("coul/long")) b.append("pair_coeff * * coul/long\n");
        else for (int i = 0; i < nt; i++) {
            for (int j = i; j < nt; j++) {
                double[] q = par[i][j] == null ? new double[] {0, 1, 0, 0} : par[i][j];
                if (wall) b.append(f("pair_coeff %d %d %s%.10g %.10g 0.0 %.10g %.10g\n", i + 1, j + 1, sub, q[0], q[1], q[2], q[3]));
                else b.append(f("pair_coeff %d %d %s%.10g %.10g %.10g\n", i + 1, j + 1, sub, q[0], q[1], q[2]));
            }
        }
        for (ForceField.PairTerm t : ff.pairs()) {
            if (t.style().equals("lennard-jones")) {
                b.append(f("pair_coeff %d %d lj/cut %.10g %.10g\n", t.a() + 1, t.b() + 1, t.epsilon(), t.sigma()));
            }
        }
        for (SplinePair sp : ff.splinePairs()) {
            b.append(f("pair_coeff %d %d table %s %s\n", sp.a() + 1, sp.b() + 1, TABLE_FILE, LammpsTable.keyword(sp)));
        }
        if (three) {
            b.append("pair_coeff * * uf3 ").append(LammpsUf3File.FILE);
            for (ForceField.Species sp : ff.species()) b.append(' ').append(sp.name());
            b.append('\n');
        }
        if (java.util.Arrays.stream(ff.atomEnergies()).anyMatch(v -> v != 0)) {
            b.append("# note: the model's atom_energies (a constant per atom) are not part of the LAMMPS energy\n");
        }
        b.append("pair_modify table 0").append(ff.pairShift() ? " shift yes" : "").append('\n');
        // anharmonic terms (K3, K4) need CLASS2's polynomial styles (in Debian's build); harmonic models keep harmonic
        boolean bond4 = ff.bonds().stream().anyMatch(ForceField.BondTerm::anharmonic);
        boolean angle4 = ff.angles().stream().anyMatch(ForceField.AngleTerm::anharmonic);
        if (!ff.bonds().isEmpty()) {
            b.append(bond4 ? "bond_style class2\n" : "bond_style harmonic\n");
            for (int k = 0; k < ff.bonds().size(); k++) {
                var t = ff.bonds().get(k);
                b.append(bond4 ? f("bond_coeff %d %.10g %.10g %.10g %.10g\n", k + 1, t.r0(), t.k(), t.k3(), t.k4())
                        : f("bond_coeff %d %.10g %.10g\n", k + 1, t.k(), t.r0()));
            }
        }
        if (!ff.angles().isEmpty()) {
            b.append(angle4 ? "angle_style class2\n" : "angle_style harmonic\n");
            for (int k = 0; k < ff.angles().size(); k++) {
                var t = ff.angles().get(k);
                double th = Math.toDegrees(t.theta0());
                if (angle4) {
                    // class2: the angle polynomial, and its bond-bond and bond-angle cross terms switched off
                    b.append(f("angle_coeff %d %.10g %.10g %.10g %.10g\n", k + 1, th, t.k(), t.k3(), t.k4()));
                    b.append(f("angle_coeff %d bb 0 1 1\n", k + 1)).append(f("angle_coeff %d ba 0 0 1 1\n", k + 1));
                } else {
                    b.append(f("angle_coeff %d %.10g %.10g\n", k + 1, t.k(), th));
                }
            }
        }
        double[] sl = ff.specialLj(), sc = ff.specialCoul();
        b.append(f("special_bonds lj %g %g %g coul %g %g %g\n", sl[0], sl[1], sl[2], sc[0], sc[1], sc[2]));
        if (kspace == ForceEngine.KSpace.PME || (kspace == ForceEngine.KSpace.AUTO && top.size() >= ForceEngine.PME_FROM_ATOMS)) {
            // The engine uses PME at this size: LAMMPS gets its particle-mesh counterpart at the same
            // accuracy and splitting parameter (LAMMPS chooses the mesh).
            b.append(f("kspace_style pppm %g\n", ff.ewaldAccuracy()));
            b.append(f("kspace_modify gewald %.15g\n", ewald.alpha()));
        } else {
            b.append(f("kspace_style ewald %g\n", ff.ewaldAccuracy()));
            b.append(f("kspace_modify gewald %.15g kmax/ewald %d %d %d\n", ewald.alpha(), ewald.kx(), ewald.ky(), ewald.kz()));
        }
        b.append("neighbor 1.0 bin\nneigh_modify every 1 delay 0 check yes\n");
        if (p.ensemble().equals("single-point")) {
            b.append("thermo_style custom step pe ebond eangle evdwl ecoul elong press pxx pyy pzz pxy pxz pyz\n");
            b.append("thermo_modify format float %22.14g\n");
            b.append("dump forces all custom 1 forces.dump id fx fy fz\n");
            b.append("dump_modify forces sort id format float %22.14g\n");
            b.append("run 0\n");
            return b.toString();
        }
        boolean anyFrozen = false;
        if (p.frozen() != null) {
            StringBuilder ids = new StringBuilder();
            for (int i = 0; i < p.frozen().length; i++) if (p.frozen()[i]) { ids.append(' ').append(i + 1); anyFrozen = true; }
            if (anyFrozen) b.append("group frozen id").append(ids).append('\n');
        }
        b.append(anyFrozen ? "group mobile subtract all frozen\n" : "group mobile union all\n");
        double dtPs = p.timestepFs() / 1000;
        b.append(f("timestep %.10g\n", dtPs));
        b.append(f("velocity mobile create %.6f %d mom yes rot no dist gaussian\n", p.temperatureK(), p.seed()));
        if (anyFrozen) b.append("velocity frozen set 0 0 0\nfix freeze frozen setforce 0.0 0.0 0.0\n");
        switch (p.ensemble()) {
            case "nve" -> b.append("fix integrate mobile nve\n");
            case "nvt" -> b.append("fix integrate mobile nve\n").append(f("fix thermostat mobile langevin %.6f %.6f %.10g %d zero yes\n",
                    p.temperatureK(), p.temperatureK(), 1 / p.frictionPerPs(), p.seed()));
            case "npt" -> b.append(f("fix integrate mobile npt temp %.6f %.6f %.10g iso %.10g %.10g %.10g\n", p.temperatureK(),
                    p.temperatureK(), 100 * dtPs, p.pressureGPa() * 1e4, p.pressureGPa() * 1e4, 1000 * dtPs));
            case "npt-c" -> b.append(f("fix integrate mobile npt temp %.6f %.6f %.10g z %.10g %.10g %.10g\n", p.temperatureK(),
                    p.temperatureK(), 100 * dtPs, p.pressureGPa() * 1e4, p.pressureGPa() * 1e4, 1000 * dtPs));
            default -> throw new IllegalArgumentException("unknown ensemble " + p.ensemble());
        }
        b.append("compute mobileT mobile temp\nthermo_style custom step time c_mobileT pe ke etotal press vol\n");
        b.append(f("thermo %d\n", p.thermoEvery()));
        b.append(f("dump traj all custom %d dump.lammpstrj id type xu yu zu\n", p.dumpEvery()));
        b.append("dump_modify traj sort id\n");
        b.append(f("run %d\n", p.steps()));
        return b.toString();
    }

    private static String f(String fmt, Object... args) { return String.format(Locale.ROOT, fmt, args); }
}
