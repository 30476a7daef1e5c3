package org.paddlewheel.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable periodic crystal structure: a {@link Lattice}, one {@link Element} per atom,
 * Cartesian positions in Å, and optionally velocities in Å/fs, per-atom labels (site names such as
 * "Na1" or molecule tags) and VASP-style selective-dynamics flags (true = free to move along that
 * axis). Positions are stored as given (not wrapped into the cell), so unwrapped trajectories stay
 * unwrapped. Accessors return copies; use {@link #x(int, int)} in loops.
 */
public final class Structure {
    private final Lattice lattice;
    private final Element[] species;
    private final double[] positions;
    private final double[] velocities;
    private final String[] labels;
    private final boolean[] selective;

    private Structure(Lattice lattice, Element[] species, double[] positions, double[] velocities,
                      String[] labels, boolean[] selective) {
        this.lattice = Objects.requireNonNull(lattice, "lattice");
        this.species = species;
        this.positions = positions;
        this.velocities = velocities;
        this.labels = labels;
        this.selective = selective;
        int n = species.length;
        if (positions.length != 3 * n) throw new IllegalArgumentException("positions must have 3N = " + 3 * n + " entries, got " + positions.length);
        if (velocities != null && velocities.length != 3 * n) throw new IllegalArgumentException("velocities must have 3N entries");
        if (labels != null && labels.length != n) throw new IllegalArgumentException("labels must have N entries");
        if (selective != null && selective.length != 3 * n) throw new IllegalArgumentException("selective flags must have 3N entries");
        for (int i = 0; i < n; i++) if (species[i] == null) throw new NullPointerException("species of atom " + i); // message built only on failure
        for (double p : positions) if (!Double.isFinite(p)) throw new IllegalArgumentException("non-finite coordinate");
    }

    /** A structure from Cartesian positions (flat array x0 y0 z0 x1 ..., Å). Arrays are copied. */
    public static Structure of(Lattice lattice, Element[] species, double[] cartesianPositions) {
        return new Structure(lattice, species.clone(), cartesianPositions.clone(), null, null, null);
    }

    /**
     * As {@link #of}, but the arrays are taken over, not copied: for trajectory readers that make a
     * fresh position array per frame and share one species array between frames. The caller must
     * not modify either array afterwards.
     */
    public static Structure adopt(Lattice lattice, Element[] species, double[] cartesianPositions) {
        return new Structure(lattice, species, cartesianPositions, null, null, null);
    }

    /** A structure from fractional positions (flat array). */
    public static Structure ofFractional(Lattice lattice, Element[] species, double[] fractional) {
        return new Structure(lattice, species.clone(), lattice.toCartesianAll(fractional), null, null, null);
    }

    /** A new builder. */
    public static Builder builder(Lattice lattice) { return new Builder(lattice); }

    /** A new builder with room for {@code atoms} atoms (readers that know the count avoid regrowing). */
    public static Builder builder(Lattice lattice, int atoms) {
        Builder b = new Builder(lattice);
        b.pos = new double[Math.max(48, 3 * atoms)];
        return b;
    }

    /** A builder pre-filled with this structure, for making modified copies. */
    public Builder toBuilder() {
        Builder b = new Builder(lattice);
        for (int i = 0; i < size(); i++) {
            b.add(species[i], positions[3 * i], positions[3 * i + 1], positions[3 * i + 2]);
            if (velocities != null) b.velocity(i, velocities[3 * i], velocities[3 * i + 1], velocities[3 * i + 2]);
            if (labels != null) b.label(i, labels[i]);
            if (selective != null) b.selective(i, selective[3 * i], selective[3 * i + 1], selective[3 * i + 2]);
        }
        return b;
    }

    public Lattice lattice() { return lattice; }

    /** Number of atoms. */
    public int size() { return species.length; }

    public Element species(int i) { return species[i]; }

    /** All species, a copy. */
    public Element[] speciesArray() { return species.clone(); }

    /** Cartesian coordinate k (0..2) of atom i, Å. */
    public double x(int i, int k) { return positions[3 * i + k]; }

    /** Cartesian position of atom i, Å; a new array. */
    public double[] position(int i) { return new double[] {positions[3 * i], positions[3 * i + 1], positions[3 * i + 2]}; }

    /** All Cartesian positions, flat 3N, Å; a copy. */
    public double[] positions() { return positions.clone(); }

    /** Copies the 3N positions into {@code dest} (no allocation). */
    public void copyPositionsInto(double[] dest) { System.arraycopy(positions, 0, dest, 0, positions.length); }

    /** Fractional positions, flat 3N (not wrapped); a new array. */
    public double[] fractionalPositions() { return lattice.toFractionalAll(positions); }

    public boolean hasVelocities() { return velocities != null; }

    /** Velocities, flat 3N, Å/fs; a copy, or null. */
    public double[] velocities() { return velocities == null ? null : velocities.clone(); }

    public boolean hasLabels() { return labels != null; }

    /** Label of atom i, or its element symbol when no labels are set. */
    public String label(int i) { return labels == null || labels[i] == null ? species[i].symbol() : labels[i]; }

    public boolean hasSelectiveDynamics() { return selective != null; }

    /** Selective-dynamics flag of atom i along axis k (true = free); true when none are set. */
    public boolean isFree(int i, int k) { return selective == null || selective[3 * i + k]; }

    /** Atom counts by element, in order of first appearance. */
    public Map<Element, Integer> composition() {
        Map<Element, Integer> c = new LinkedHashMap<>();
        for (Element e : species) c.merge(e, 1, Integer::sum);
        return c;
    }

    /** Indices of atoms of element e. */
    public int[] indicesOf(Element e) {
        return java.util.stream.IntStream.range(0, size()).filter(i -> species[i] == e).toArray();
    }

    /** Reduced-style formula in order of first appearance, e.g. "Na54B27H162N27". */
    public String formula() {
        StringBuilder sb = new StringBuilder();
        composition().forEach((e, n) -> sb.append(e.symbol()).append(n == 1 ? "" : n));
        return sb.toString();
    }

    /** Total mass in amu. */
    public double totalMassAmu() {
        double m = 0;
        for (Element e : species) m += e.massAmu();
        return m;
    }

    /** Mass density in g/cm³. */
    public double densityGramsPerCm3() {
        return totalMassAmu() / lattice.volume() * Units.AMU_PER_A3_TO_G_PER_CM3;
    }

    /** Minimum-image distance between atoms i and j, Å. */
    public double distance(int i, int j) {
        double[] d = new double[3];
        lattice.minimumImage(positions[3 * j] - positions[3 * i], positions[3 * j + 1] - positions[3 * i + 1],
                positions[3 * j + 2] - positions[3 * i + 2], d, 0);
        return Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
    }

    /** The same atoms with new Cartesian positions (3N, Å), velocities dropped unless given. */
    public Structure withPositions(double[] newPositions, double[] newVelocities) {
        return new Structure(lattice, species, newPositions.clone(),
                newVelocities == null ? null : newVelocities.clone(), labels, selective);
    }

    /** The same atoms in another cell (positions as given, not rescaled). */
    public Structure withLattice(Lattice newLattice) {
        return new Structure(newLattice, species, positions, velocities, labels, selective);
    }

    /** Positions wrapped into the cell (fractional coordinates in [0, 1)). */
    public Structure wrapped() {
        double[] f = fractionalPositions();
        for (int i = 0; i < f.length; i++) {
            f[i] -= Math.floor(f[i]);
            if (f[i] >= 1.0) f[i] = 0.0;
        }
        return new Structure(lattice, species, lattice.toCartesianAll(f), velocities, labels, selective);
    }

    /** A copy with atoms sorted stably by order of first appearance of their element (VASP needs runs). */
    public Structure groupedBySpecies() {
        int[] idx = speciesGroupingOrder();
        Builder b = new Builder(lattice);
        for (int n = 0; n < idx.length; n++) {
            int i = idx[n];
            b.add(species[i], positions[3 * i], positions[3 * i + 1], positions[3 * i + 2]);
            if (velocities != null) b.velocity(n, velocities[3 * i], velocities[3 * i + 1], velocities[3 * i + 2]);
            if (labels != null) b.label(n, labels[i]);
            if (selective != null) b.selective(n, selective[3 * i], selective[3 * i + 1], selective[3 * i + 2]);
        }
        return b.build();
    }

    /**
     * The atom order of {@link #groupedBySpecies()} (as POSCAR files are written): entry n is the index
     * in this structure of the atom that comes n-th; a stable sort by the species' order in
     * {@link #composition()}.
     */
    public int[] speciesGroupingOrder() {
        List<Element> order = new ArrayList<>(composition().keySet());
        Integer[] idx = new Integer[size()];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        Arrays.sort(idx, (p, q) -> Integer.compare(order.indexOf(species[p]), order.indexOf(species[q])));
        int[] out = new int[idx.length];
        for (int i = 0; i < out.length; i++) out[i] = idx[i];
        return out;
    }

    /** Mutable accumulator for a {@link Structure}. */
    public static final class Builder {
        private Lattice lattice;
        private final List<Element> species = new ArrayList<>();
        private double[] pos = new double[48];
        private double[] vel;
        private String[] labels;
        private boolean[] sel;

        private Builder(Lattice lattice) { this.lattice = lattice; }

        public Builder lattice(Lattice l) { this.lattice = l; return this; }

        /** Appends an atom at Cartesian (x, y, z), Å. */
        public Builder add(Element e, double x, double y, double z) {
            int n = species.size();
            ensure(3 * n + 3);
            pos[3 * n] = x; pos[3 * n + 1] = y; pos[3 * n + 2] = z;
            species.add(e);
            return this;
        }

        /** Appends an atom at fractional (f0, f1, f2). */
        public Builder addFractional(Element e, double f0, double f1, double f2) {
            double[] r = new double[3];
            lattice.toCartesian(f0, f1, f2, r, 0);
            return add(e, r[0], r[1], r[2]);
        }

        public Builder velocity(int i, double vx, double vy, double vz) {
            if (vel == null) vel = new double[Math.max(pos.length, 3 * (i + 1))];
            ensure(3 * i + 3);
            vel[3 * i] = vx; vel[3 * i + 1] = vy; vel[3 * i + 2] = vz;
            return this;
        }

        public Builder label(int i, String label) {
            if (labels == null) labels = new String[Math.max(pos.length / 3, i + 1)];
            ensure(3 * i + 3);
            labels[i] = label;
            return this;
        }

        public Builder selective(int i, boolean fx, boolean fy, boolean fz) {
            if (sel == null) {
                sel = new boolean[Math.max(pos.length, 3 * (i + 1))];
                Arrays.fill(sel, true);
            }
            ensure(3 * i + 3);
            sel[3 * i] = fx; sel[3 * i + 1] = fy; sel[3 * i + 2] = fz;
            return this;
        }

        public int size() { return species.size(); }

        private void ensure(int len) {
            if (len > pos.length) {
                int cap = Math.max(len, pos.length * 2);
                pos = Arrays.copyOf(pos, cap);
                if (vel != null) vel = Arrays.copyOf(vel, cap);
                if (labels != null) labels = Arrays.copyOf(labels, cap / 3);
            }
            if (vel != null && vel.length < pos.length) vel = Arrays.copyOf(vel, pos.length);
            if (sel != null && sel.length < pos.length) {
                int old = sel.length;
                sel = Arrays.copyOf(sel, pos.length);
                Arrays.fill(sel, old, sel.length, true);
            }
            if (labels != null && labels.length < pos.length / 3) labels = Arrays.copyOf(labels, pos.length / 3);
        }

        public Structure build() {
            int n = species.size();
            return new Structure(lattice, species.toArray(new Element[0]), Arrays.copyOf(pos, 3 * n),
                    vel == null ? null : Arrays.copyOf(vel, 3 * n),
                    labels == null ? null : Arrays.copyOf(labels, n),
                    sel == null ? null : Arrays.copyOf(sel, 3 * n));
        }
    }
}
