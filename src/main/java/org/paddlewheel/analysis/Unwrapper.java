package org.paddlewheel.analysis;

import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Structure;

/**
 * Streaming unwrapping of selected atoms: each frame, the displacement since the previous frame is
 * taken as its minimum image in the <em>current</em> cell, r_u(t) = r_u(t−1) + mic_{L(t)}(r(t) − r(t−1)),
 * which is the scheme of Kulke and Vermaas (J. Chem. Theory Comput. 18, 6161 (2022)) generalised
 * to triclinic cells with the exact minimum image of {@link Lattice#minimumImage}. Because the image
 * is chosen from the per-step displacement (scaled by the current box) and not by scaling the whole
 * unwrapped coordinate with the box, a fluctuating NPT cell adds no spurious displacement, and a
 * constant cell reduces to the usual minimum-image unwrapping. Valid when no atom moves more than
 * half the smallest cell width between stored frames (checked: a warning count is kept). Å.
 * Memory O(atoms); not thread-safe.
 */
public final class Unwrapper {
    private final int[] atoms;
    private final double[] previous;
    private final double[] unwrapped;
    private final double[] tmp = new double[3];
    private boolean started;
    private long suspiciousSteps;

    /** Tracks the atoms with these indices (in the order given). */
    public Unwrapper(int[] atoms) {
        this.atoms = atoms.clone();
        this.previous = new double[3 * atoms.length];
        this.unwrapped = new double[3 * atoms.length];
    }

    /** Number of tracked atoms. */
    public int size() { return atoms.length; }

    /** Atom indices tracked. */
    public int[] atoms() { return atoms.clone(); }

    /** Feeds the next frame; afterwards {@link #x(int, int)} gives unwrapped coordinates, Å. */
    public void accept(Structure s) {
        Lattice lat = s.lattice();
        if (!started) {
            for (int i = 0; i < atoms.length; i++) {
                for (int k = 0; k < 3; k++) {
                    double v = s.x(atoms[i], k);
                    previous[3 * i + k] = v;
                    unwrapped[3 * i + k] = v;
                }
            }
            started = true;
            return;
        }
        double w = lat.minPerpendicularWidth() / 2;
        double w2 = w * w;
        for (int i = 0; i < atoms.length; i++) {
            int a = atoms[i];
            double x = s.x(a, 0), y = s.x(a, 1), z = s.x(a, 2);
            double dx = x - previous[3 * i], dy = y - previous[3 * i + 1], dz = z - previous[3 * i + 2];
            // Fast path: a displacement shorter than half the smallest width is its own minimum image.
            if (dx * dx + dy * dy + dz * dz >= w2) {
                lat.minimumImage(dx, dy, dz, tmp, 0);
                dx = tmp[0]; dy = tmp[1]; dz = tmp[2];
                if (dx * dx + dy * dy + dz * dz > 0.25 * w2) suspiciousSteps++;
            }
            previous[3 * i] = x; previous[3 * i + 1] = y; previous[3 * i + 2] = z;
            unwrapped[3 * i] += dx; unwrapped[3 * i + 1] += dy; unwrapped[3 * i + 2] += dz;
        }
    }

    /** Unwrapped coordinate k of tracked atom i (index into the tracked list), Å. */
    public double x(int i, int k) { return unwrapped[3 * i + k]; }

    /**
     * Number of (atom, step) displacements longer than a quarter of the smallest cell width:
     * frames are probably stored too far apart to unwrap safely when this is not zero.
     */
    public long suspiciousSteps() { return suspiciousSteps; }
}
