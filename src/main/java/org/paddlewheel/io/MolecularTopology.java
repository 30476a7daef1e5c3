package org.paddlewheel.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paddlewheel.model.Molecule;
import org.paddlewheel.model.Structure;

/**
 * LAMMPS topology (molecule ids, bonds, angles) of detected molecules: a centre–ligand bond for
 * each ligand and a ligand–centre–ligand angle for each ligand pair, typed by element names
 * ("B-H", "H-B-H", "N-H", "H-N-H") in order of first appearance. Atoms outside molecules get their
 * own molecule id, as LAMMPS {@code atom_style full} expects one per atom.
 */
public final class MolecularTopology {
    private MolecularTopology() {}

    /** Topology of {@code molecules} in {@code s}, with per-atom {@code charges} (e). */
    public static LammpsData.Topology of(Structure s, List<Molecule> molecules, double[] charges) {
        int n = s.size();
        int[] mol = new int[n];
        int next = 1;
        for (Molecule m : molecules) {
            for (int a : m.atoms()) mol[a] = next;
            next++;
        }
        for (int i = 0; i < n; i++) if (mol[i] == 0) mol[i] = next++;
        Map<String, Integer> bondTypes = new LinkedHashMap<>(), angleTypes = new LinkedHashMap<>();
        List<int[]> bonds = new ArrayList<>(), angles = new ArrayList<>();
        for (Molecule m : molecules) {
            String c = s.species(m.centre()).symbol();
            int[] lig = m.ligands();
            for (int l : lig) {
                String name = c + "-" + s.species(l).symbol();
                int t = bondTypes.computeIfAbsent(name, k -> bondTypes.size() + 1);
                bonds.add(new int[] {t, m.centre(), l});
            }
            for (int p = 0; p < lig.length; p++) {
                for (int q = p + 1; q < lig.length; q++) {
                    String name = s.species(lig[p]).symbol() + "-" + c + "-" + s.species(lig[q]).symbol();
                    int t = angleTypes.computeIfAbsent(name, k -> angleTypes.size() + 1);
                    angles.add(new int[] {t, lig[p], m.centre(), lig[q]});
                }
            }
        }
        return new LammpsData.Topology(mol, charges.clone(), bonds.toArray(new int[0][]), angles.toArray(new int[0][]),
                new ArrayList<>(bondTypes.keySet()), new ArrayList<>(angleTypes.keySet()));
    }
}
