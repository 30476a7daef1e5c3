package org.paddlewheel.md;

import java.util.Locale;

/** Trajectory format an MD run writes, with its io format name and file name. */
public enum TrajectoryFormat {
    EXTXYZ("extxyz", "trajectory.extxyz"), XDATCAR("xdatcar", "XDATCAR"), LAMMPS_DUMP("lammps-dump", "trajectory.dump");

    private final String cliName, fileName;

    TrajectoryFormat(String cliName, String fileName) { this.cliName = cliName; this.fileName = fileName; }

    /** The spelling in options and the io layer's format name: "extxyz", "xdatcar", "lammps-dump". */
    public String cliName() { return cliName; }

    /** The trajectory's file name in the run folder. */
    public String fileName() { return fileName; }

    @Override public String toString() { return cliName; }

    /** Parses a format name. */
    public static TrajectoryFormat parse(String s) {
        for (TrajectoryFormat f : values()) if (f.cliName.equals(s.trim().toLowerCase(Locale.ROOT))) return f;
        throw new IllegalArgumentException("unknown trajectory format '" + s + "' (extxyz, xdatcar, lammps-dump)");
    }
}
