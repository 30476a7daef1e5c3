package org.paddlewheel.forcefield;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.InputException;
import org.paddlewheel.model.Molecule;
import org.paddlewheel.model.MoleculeFinder;
import org.paddlewheel.model.Structure;

/**
 * The force field applied to one structure: the species (atom type) of every atom, its charge (e)
 * and mass (amu), the molecules found ({@link MoleculeFinder} clusters of a centre atom and its
 * {@code count} ligands within {@code max_bond} Å, minimum image), and the bonded lists built
 * from them — centre–ligand harmonic bonds, ligand–centre–ligand harmonic angles, and the intramolecular "special" pairs (1-2: centre–
 * ligand, 1-3: ligand–ligand) with their LAMMPS {@code special_bonds} weights. Atoms outside
 * molecules take the species of their element that belongs to no molecule. Arrays are shared, not
 * copied: treat them as read-only.
 */
public final class Topology {
    public final ForceField forceField;
    /** Species index per atom. */
    public final int[] type;
    /** Charge per atom, e. */
    public final double[] charge;
    /** Mass per atom, amu. */
    public final double[] mass;
    /** Molecule kind index per atom, −1 outside molecules. */
    public final int[] moleculeKind;
    /** Molecule id per atom (1-based as in LAMMPS data files), 0 outside molecules. */
    public final int[] moleculeId;
    /** Molecules found, atoms as structure indices; formula = kind name. */
    public final List<Molecule> molecules;
    public final int[] bondI, bondJ;
    public final double[] bondK, bondR0, bondK3, bondK4;
    /** Angle i–j–k with j the centre. */
    public final int[] angleI, angleJ, angleK;
    public final double[] angleKTheta, angleTheta0, angleK3, angleK4;
    /** Bond / angle type index (its index in the force field's bond / angle list). */
    public final int[] bondType, angleType;
    /** Intramolecular pairs excluded from the neighbour list, and their lj / coul weights. */
    public final int[] specialI, specialJ;
    public final double[] specialLj, specialCoul;

    private Topology(ForceField ff, int[] type, int[] kind, int[] molId, List<Molecule> molecules,
                     List<int[]> bonds, List<int[]> angles, List<double[]> special, List<int[]> specialIdx) {
        this.forceField = ff;
        this.type = type;
        int n = type.length;
        this.charge = new double[n];
        this.mass = new double[n];
        for (int i = 0; i < n; i++) {
            charge[i] = ff.species().get(type[i]).charge();
            mass[i] = ff.species().get(type[i]).massAmu();
        }
        this.moleculeKind = kind;
        this.moleculeId = molId;
        this.molecules = List.copyOf(molecules);
        int nb = bonds.size(), na = angles.size(), ns = special.size();
        bondI = new int[nb]; bondJ = new int[nb]; bondK = new double[nb]; bondR0 = new double[nb]; bondK3 = new double[nb]; bondK4 = new double[nb]; bondType = new int[nb];
        for (int b = 0; b < nb; b++) {
            int[] t = bonds.get(b);
            bondI[b] = t[0]; bondJ[b] = t[1]; bondType[b] = t[2];
            bondK[b] = ff.bonds().get(t[2]).k(); bondR0[b] = ff.bonds().get(t[2]).r0();
            bondK3[b] = ff.bonds().get(t[2]).k3(); bondK4[b] = ff.bonds().get(t[2]).k4();
        }
        angleI = new int[na]; angleJ = new int[na]; angleK = new int[na]; angleKTheta = new double[na];
        angleTheta0 = new double[na]; angleK3 = new double[na]; angleK4 = new double[na]; angleType = new int[na];
        for (int a = 0; a < na; a++) {
            int[] t = angles.get(a);
            angleI[a] = t[0]; angleJ[a] = t[1]; angleK[a] = t[2]; angleType[a] = t[3];
            angleKTheta[a] = ff.angles().get(t[3]).k(); angleTheta0[a] = ff.angles().get(t[3]).theta0();
            angleK3[a] = ff.angles().get(t[3]).k3(); angleK4[a] = ff.angles().get(t[3]).k4();
        }
        specialI = new int[ns]; specialJ = new int[ns]; specialLj = new double[ns]; specialCoul = new double[ns];
        for (int s = 0; s < ns; s++) {
            specialI[s] = specialIdx.get(s)[0]; specialJ[s] = specialIdx.get(s)[1];
            specialLj[s] = special.get(s)[0]; specialCoul[s] = special.get(s)[1];
        }
    }

    public int size() { return type.length; }

    /** Total charge, e. */
    public double totalCharge() {
        double q = 0;
        for (double c : charge) q += c;
        return q;
    }

    /**
     * Applies the force field to a structure: finds molecules with {@link MoleculeFinder} (a bond
     * between a kind's centre and ligand elements up to its {@code max_bond}), types each cluster
     * that matches a molecule kind (centre element, {@code count} ligands of the ligand element),
     * and gives every other atom its element's molecule-free species.
     */
    public static Topology build(ForceField ff, Structure s) {
        int n = s.size();
        int[] type = new int[n];
        Arrays.fill(type, -1);
        int[] kind = new int[n];
        Arrays.fill(kind, -1);
        int[] molId = new int[n];
        List<Molecule> found = new ArrayList<>();
        List<int[]> bonds = new ArrayList<>(), angles = new ArrayList<>(), specialIdx = new ArrayList<>();
        List<double[]> special = new ArrayList<>();
        double[] lj = ff.specialLj(), coul = ff.specialCoul();
        List<List<Molecule>> byKind = moleculesByKind(ff, s);
        for (int k = 0; k < byKind.size(); k++) {
            for (Molecule m : byKind.get(k)) {
                ForceField.MoleculeKind mk = ff.molecules().get(k);
                int i = m.centre();
                int[] lig = m.ligands();
                type[i] = mk.centre();
                kind[i] = k;
                int id = found.size() + 1;
                molId[i] = id;
                for (int l : lig) { type[l] = mk.ligand(); kind[l] = k; molId[l] = id; }
                found.add(new Molecule(i, lig, mk.name()));
                for (int b = 0; b < ff.bonds().size(); b++) {
                    if (ff.bonds().get(b).molecule() != k) continue;
                    for (int l : lig) bonds.add(new int[] {i, l, b});
                }
                for (int a = 0; a < ff.angles().size(); a++) {
                    if (ff.angles().get(a).molecule() != k) continue;
                    for (int p = 0; p < lig.length; p++) {
                        for (int q = p + 1; q < lig.length; q++) angles.add(new int[] {lig[p], i, lig[q], a});
                    }
                }
                for (int l : lig) { specialIdx.add(new int[] {i, l}); special.add(new double[] {lj[0], coul[0]}); }
                for (int p = 0; p < lig.length; p++) {
                    for (int q = p + 1; q < lig.length; q++) {
                        specialIdx.add(new int[] {lig[p], lig[q]});
                        special.add(new double[] {lj[1], coul[1]});
                    }
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (type[i] >= 0) continue;
            int t = -1;
            for (int sp = 0; sp < ff.species().size(); sp++) {
                ForceField.Species x = ff.species().get(sp);
                if (x.element() == s.species(i) && x.molecule() == null) {
                    if (t >= 0) throw new InputException("element " + s.species(i).symbol() + " has two molecule-free species in "
                            + ff.name() + " (" + ff.species().get(t).name() + ", " + x.name() + ")");
                    t = sp;
                }
            }
            if (t < 0) {
                throw new InputException("atom " + (i + 1) + " (" + s.species(i).symbol() + ") is in no molecule and "
                        + ff.name() + " has no molecule-free species for " + s.species(i).symbol());
            }
            type[i] = t;
        }
        return new Topology(ff, type, kind, molId, found, bonds, angles, special, specialIdx);
    }

    /**
     * The clusters {@link MoleculeFinder} finds, grouped by the molecule kind they match (ligands in
     * index order, clusters by centre index). A cluster that matches no kind is left to the
     * molecule-free species when all its elements have one, else it is an InputException.
     */
    private static List<List<Molecule>> moleculesByKind(ForceField ff, Structure s) {
        List<List<Molecule>> out = new ArrayList<>();
        MoleculeFinder finder = MoleculeFinder.none();
        for (ForceField.MoleculeKind mk : ff.molecules()) {
            out.add(new ArrayList<>());
            Element ce = ff.species().get(mk.centre()).element(), le = ff.species().get(mk.ligand()).element();
            finder = finder.withCutoff(ce, le, Math.max(finder.cutoff(ce, le), mk.maxBondAngstrom()));
        }
        if (ff.molecules().isEmpty()) return out;
        for (Molecule m : finder.findIn(s)) {
            int k = matchingKind(ff, s, m);
            if (k >= 0) {
                out.get(k).add(m);
                continue;
            }
            boolean free = hasFreeSpecies(ff, s.species(m.centre()));
            for (int l : m.ligands()) free &= hasFreeSpecies(ff, s.species(l));
            if (!free) {
                throw new InputException("atom " + (m.centre() + 1) + " (" + s.species(m.centre()).symbol() + ") is bonded to "
                        + m.ligands().length + " atoms (" + m.formula() + ") within the force field's max_bond, which matches no"
                        + " molecule kind of " + ff.name() + " " + ff.molecules().stream().map(x -> x.name() + "×" + x.count()).toList());
            }
        }
        return out;
    }

    private static int matchingKind(ForceField ff, Structure s, Molecule m) {
        for (int k = 0; k < ff.molecules().size(); k++) {
            ForceField.MoleculeKind mk = ff.molecules().get(k);
            if (s.species(m.centre()) != ff.species().get(mk.centre()).element() || m.ligands().length != mk.count()) continue;
            boolean ok = true;
            for (int l : m.ligands()) ok &= s.species(l) == ff.species().get(mk.ligand()).element();
            if (ok) return k;
        }
        return -1;
    }

    private static boolean hasFreeSpecies(ForceField ff, Element e) {
        for (ForceField.Species x : ff.species()) if (x.element() == e && x.molecule() == null) return true;
        return false;
    }
}
