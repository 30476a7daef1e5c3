package org.paddlewheel.io;

import java.nio.file.Path;
import java.util.Locale;
import org.paddlewheel.model.InputException;
import org.paddlewheel.model.MoleculeFinder;
import org.paddlewheel.model.Structure;

/**
 * Chooses a file format from an explicit name or the file name, and dispatches reads and writes.
 * Names are judged without a compression suffix (.gz, .xz, .bz2: every reader opens compressed
 * files through {@link CompressedInput}). By name, as ASE does: .vasp, .poscar, *POSCAR*,
 * *CONTCAR* → POSCAR; *XDATCAR* (run1.XDATCAR, XDATCAR_500K) → XDATCAR; .extxyz, .xyz →
 * extended XYZ; .cif → CIF; .lmp, .data → LAMMPS data; .dump, .lammpstrj → LAMMPS dump; .cube →
 * CUBE; .traj → ASE trajectory (binary, {@link AseTrajectory}; read only). Explicit names: poscar, xdatcar,
 * extxyz, cif, lammps-data, lammps-dump, cube, traj.
 */
public final class Formats {
    private Formats() {}

    /** The formats paddlewheel reads or writes. */
    public enum Format { POSCAR, XDATCAR, EXTXYZ, CIF, LAMMPS_DATA, LAMMPS_DUMP, CUBE, TRAJ }

    /** The format named {@code explicit} (if not null), else the one the file name implies. */
    public static Format detect(Path file, String explicit) {
        if (explicit != null && !explicit.isBlank()) {
            String e = explicit.trim().toLowerCase(Locale.ROOT).replace('_', '-');
            switch (e) {
                case "poscar", "contcar", "vasp": return Format.POSCAR;
                case "xdatcar": return Format.XDATCAR;
                case "extxyz", "xyz": return Format.EXTXYZ;
                case "cif": return Format.CIF;
                case "lammps-data", "data", "lmp": return Format.LAMMPS_DATA;
                case "lammps-dump", "dump", "lammpstrj": return Format.LAMMPS_DUMP;
                case "cube": return Format.CUBE;
                case "traj", "ase-traj", "ase": return Format.TRAJ;
                default: throw new InputException("unknown format '" + explicit
                        + "'; expected poscar, xdatcar, extxyz, cif, lammps-data, lammps-dump, cube or traj");
            }
        }
        String name = CompressedInput.baseName(file);
        String lower = name.toLowerCase(Locale.ROOT);
        // ASE's name rules: *XDATCAR*, *POSCAR*, *CONTCAR* anywhere in the name (run1.XDATCAR,
        // XDATCAR_500K, POSCAR.relaxed), in capitals; a lower-case name must start with them.
        if (name.contains("XDATCAR") || lower.startsWith("xdatcar") || lower.endsWith(".xdatcar")) return Format.XDATCAR;
        if (name.contains("POSCAR") || name.contains("CONTCAR") || lower.startsWith("poscar") || lower.startsWith("contcar")
                || lower.endsWith(".vasp") || lower.endsWith(".poscar")) return Format.POSCAR;
        if (lower.endsWith(".extxyz") || lower.endsWith(".xyz")) return Format.EXTXYZ;
        if (lower.endsWith(".cif")) return Format.CIF;
        if (lower.endsWith(".lmp") || lower.endsWith(".data")) return Format.LAMMPS_DATA;
        if (lower.endsWith(".dump") || lower.endsWith(".lammpstrj")) return Format.LAMMPS_DUMP;
        if (lower.endsWith(".cube")) return Format.CUBE;
        if (lower.endsWith(".traj")) return Format.TRAJ;
        throw new InputException(file.toString(), 0, "cannot tell the format from the name; expected .vasp/POSCAR/CONTCAR, XDATCAR,"
                + " .extxyz/.xyz, .cif, .lmp/.data, .dump/.lammpstrj, .traj or --format");
    }

    /** True for formats that hold many frames. */
    public static boolean isTrajectory(Format f) {
        return f == Format.XDATCAR || f == Format.EXTXYZ || f == Format.LAMMPS_DUMP || f == Format.TRAJ;
    }

    /** Reads one structure (the first frame of a trajectory format). */
    public static Structure readStructure(Path file, String format) {
        Format f = detect(file, format);
        switch (f) {
            case POSCAR: return Poscar.read(file);
            case CIF: return Cif.read(file);
            case LAMMPS_DATA: return LammpsData.read(file).structure();
            case CUBE: throw new InputException(file.toString(), 0, "a CUBE file holds a density grid, not a structure to read here");
            case TRAJ: return AseTrajectory.read(file);
            default:
                try (TrajectoryReader r = openTrajectory(file, format, 0)) {
                    if (!r.hasNext()) throw new InputException(file.toString(), 1, "the file holds no frame");
                    return r.next().structure();
                }
        }
    }

    /**
     * Writes one structure. LAMMPS data is written in {@code full} style with the bonds and angles of
     * the molecules {@link MoleculeFinder} detects (charges 0: a force field supplies them), or in
     * {@code atomic} style when there are none.
     */
    public static void writeStructure(Path file, Structure s, String format) {
        Format f = detect(file, format);
        switch (f) {
            case POSCAR -> Poscar.write(file, s);
            case CIF -> Cif.write(file, s);
            case EXTXYZ -> ExtendedXyz.write(file, s);
            case LAMMPS_DATA -> {
                var mols = MoleculeFinder.find(s);
                var order = LammpsData.firstAppearanceOrder(s);
                if (mols.isEmpty()) LammpsData.writeAtomic(file, s, order);
                else LammpsData.writeFull(file, s, order, MolecularTopology.of(s, mols, new double[s.size()]));
            }
            case XDATCAR, LAMMPS_DUMP -> {
                try (TrajectoryWriter w = createTrajectoryWriter(file, format)) {
                    w.write(new org.paddlewheel.model.Frame(s, 0, 0));
                }
            }
            case CUBE -> throw new InputException("a CUBE file holds a density grid; write one with the analysis commands");
            case TRAJ -> throw noTrajWriter();
        }
    }

    /** Opens a trajectory; {@code timestepFs} (≤ 0 if unknown) converts step numbers to time where the format has none. */
    public static TrajectoryReader openTrajectory(Path file, String format, double timestepFs) {
        boolean cp2kNamed = format == null && Cp2kTrajectory.isPositionsFile(file);
        if (cp2kNamed || (format != null && format.trim().equalsIgnoreCase("cp2k"))) {
            // CP2K's PROJECT-pos-1.xyz with PROJECT-1.cell beside it (plain XYZ has no cell).
            return Cp2kTrajectory.open(file, null, null, timestepFs);
        }
        Format f = detect(file, format);
        return switch (f) {
            case XDATCAR -> Xdatcar.open(file, timestepFs);
            case EXTXYZ -> ExtendedXyz.open(file, timestepFs);
            case LAMMPS_DUMP -> LammpsDump.open(file, timestepFs);
            case TRAJ -> AseTrajectory.open(file, timestepFs);
            case POSCAR, CIF, LAMMPS_DATA -> SingleFrameReader.of(readStructure(file, format));
            case CUBE -> throw new InputException(file.toString(), 0, "a CUBE file is not a trajectory");
        };
    }

    /**
     * A live trajectory writer for runs that may be killed and resumed: each frame goes to the file
     * itself as it is written (no temporary file), so a killed run keeps its finished frames. With
     * {@code resumeAfterStep} ≥ 0 the existing file is kept up to its last complete frame whose step
     * is ≤ that step (a checkpoint's) and the rest, a partial frame included, is cut off; below 0
     * the file starts afresh. Formatting is that of {@link #createTrajectoryWriter}.
     */
    public static TrajectoryWriter openTrajectoryAppender(Path file, String format, long resumeAfterStep) {
        Format f = detect(file, format);
        CompressedOutput.refuseLive(file);
        return switch (f) {
            case XDATCAR -> Xdatcar.append(file, resumeAfterStep);
            case EXTXYZ -> ExtendedXyz.append(file, resumeAfterStep);
            case LAMMPS_DUMP -> LammpsDump.append(file, null, resumeAfterStep);
            case TRAJ -> throw noTrajWriter();
            default -> throw new InputException("'" + file + "' is not a trajectory format; use XDATCAR, .extxyz or .dump");
        };
    }

    /** Creates a trajectory writer (XDATCAR, extended XYZ or LAMMPS dump). */
    public static TrajectoryWriter createTrajectoryWriter(Path file, String format) {
        Format f = detect(file, format);
        return switch (f) {
            case XDATCAR -> Xdatcar.create(file);
            case EXTXYZ -> ExtendedXyz.create(file);
            case LAMMPS_DUMP -> LammpsDump.create(file, null);
            case TRAJ -> throw noTrajWriter();
            default -> throw new InputException("'" + file + "' is not a trajectory format; use XDATCAR, .extxyz or .dump");
        };
    }

    private static InputException noTrajWriter() {
        return new InputException("paddlewheel reads ASE .traj files but does not write them; write .extxyz, which ASE reads");
    }
}
