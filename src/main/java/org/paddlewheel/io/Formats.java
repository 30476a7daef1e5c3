package org.paddlewheel.io;

import java.nio.file.Path;
import org.paddlewheel.model.Structure;

/**
 * Chooses a file format from an explicit name or the file name, and dispatches reads and writes.
 * By extension: .vasp, POSCAR*, CONTCAR* → POSCAR; XDATCAR* → XDATCAR; .extxyz, .xyz → extended
 * XYZ; .cif → CIF; .lmp, .data → LAMMPS data; .dump, .lammpstrj → LAMMPS dump; .cube → CUBE.
 * (Skeleton: the readers are wired as the format classes land.)
 */
public final class Formats {
    private Formats() {}

    /** The formats paddlewheel reads or writes. */
    public enum Format { POSCAR, XDATCAR, EXTXYZ, CIF, LAMMPS_DATA, LAMMPS_DUMP, CUBE }

    /** Reads one structure (the first frame of a trajectory format). */
    public static Structure readStructure(Path file, String format) {
        throw new UnsupportedOperationException("not wired yet");
    }

    /** Writes one structure. */
    public static void writeStructure(Path file, Structure s, String format) {
        throw new UnsupportedOperationException("not wired yet");
    }

    /** Opens a trajectory; {@code timestepFs} (≤ 0 if unknown) converts step numbers to time where the format has none. */
    public static TrajectoryReader openTrajectory(Path file, String format, double timestepFs) {
        throw new UnsupportedOperationException("not wired yet");
    }

    /** Creates a trajectory writer (XDATCAR, extended XYZ or LAMMPS dump). */
    public static TrajectoryWriter createTrajectoryWriter(Path file, String format) {
        throw new UnsupportedOperationException("not wired yet");
    }
}
