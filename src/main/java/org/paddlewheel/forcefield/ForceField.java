package org.paddlewheel.forcefield;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.InputException;

/**
 * A declarative classical force field, read from JSON: species (element, charge e, mass amu, the
 * molecule kind they belong to), short-range pair terms between species (Buckingham
 * A·exp(−r/ρ) − C/r⁶ with A eV, ρ Å, C eV·Å⁶; Lennard-Jones 4ε[(σ/r)¹² − (σ/r)⁶] with ε eV, σ Å;
 * an optional repulsive wall D/r⁸, D eV·Å⁸, as in LAMMPS {@code born}), molecule kinds (a centre
 * species with {@code count} ligands within {@code max_bond} Å), harmonic bonds E = K(r − r0)² and
 * angles E = K(θ − θ0)² in the LAMMPS convention (no ½; K in eV/Å² and eV/rad²), the weights of
 * intramolecular non-bonded pairs (LAMMPS {@code special_bonds lj/coul}), the real-space cut-off
 * (Å) and the Ewald relative accuracy (as LAMMPS {@code kspace_style ewald}). Pairs not listed do not
 * interact except through Coulomb. Every key error names the key. Immutable.
 *
 * <p>Schema (all keys required unless marked optional):
 * <pre>
 * { "name": str, "provisional": bool (optional), "description": str (optional),
 *   "species":   [{"name", "element", "charge", "mass" (optional, element mass), "molecule" (optional)}],
 *   "molecules": [{"name", "centre", "ligand", "count", "max_bond"}],
 *   "pairs":     [{"species": [a, b], "style": "buckingham", "A", "rho", "C" (optional 0), "D" (optional 0)}
 *                 | {"species": [a, b], "style": "lennard-jones", "epsilon", "sigma"}
 *                 | {"species": [a, b], "style": "uf3", "knots": [Å…], "coefficients": [eV…],
 *                    "core": {"A": eV, "rho": Å} (optional)}],   see {@link SplinePair}; may sit beside
 *                                                                   a buckingham/lennard-jones entry
 *   "atom_energies": {species: eV} (optional, constant per-atom energies of a fitted model),
 *   "three_body": [{"species": [centre, j, k], "knots": [[Å… r_ij], [r_ik], [r_jk]], "coefficients": [eV…]}]
 *                 (optional, UF3 3-body terms, see {@link SplineTriple}),
 *   "bonds":     [{"molecule", "K", "r0", ["K3", "K4"]}],   centre–ligand bonds (K3, K4: optional anharmonic terms)
 *   "angles":    [{"molecule", "K", "theta0_deg", ["K3", "K4"]}], ligand–centre–ligand angles
 *   "special_bonds": {"lj": [f12, f13, f14], "coul": [f12, f13, f14]} (optional, default all 0),
 *   "cutoff": Å, "ewald_accuracy": relative (e.g. 1e-5),
 *   "pair_shift": bool (optional, default false: LAMMPS pair_modify shift),
 *   "fit": {…} (optional, not read by the engine: how fit-ff made the model, e.g. its split and cv_folds),
 *   "dft_validation": {…} (optional, not read by the engine: the model against the DFT reference data,
 *                     written by {@code dft compare --write-validation}; the study shows it with the model's numbers) }
 * </pre>
 */
public final class ForceField {
    /** One atom type: name, element, charge (e), mass (amu), molecule kind name or null. */
    public record Species(String name, Element element, double charge, double massAmu, String molecule) {}

    /** A molecule kind: centre species, ligand species, ligand count, largest bond length (Å). */
    public record MoleculeKind(String name, int centre, int ligand, int count, double maxBondAngstrom) {}

    /**
     * Short-range pair parameters for one species pair: E(r) = A·exp(−r/ρ) − C6/r⁶ + D8/r⁸ + C12/r¹²
     * (eV, Å). Buckingham gives A, ρ, C6; the wall gives D8; Lennard-Jones adds C12 = 4εσ¹² and
     * 4εσ⁶ to C6.
     */
    public record PairTerm(int a, int b, double aEv, double rhoAngstrom, double c6, double d8, double c12,
                           String style, double epsilon, double sigma) {}

    /**
     * Bond of a molecule kind, E = K(r − r0)² + K3(r − r0)³ + K4(r − r0)⁴ (K eV/Å², K3 eV/Å³, K4 eV/Å⁴, r0 Å): harmonic
     * when K3 = K4 = 0 (LAMMPS bond_style harmonic), else LAMMPS bond_style class2's polynomial.
     */
    public record BondTerm(int molecule, double k, double r0, double k3, double k4) {
        /** Harmonic. */
        public BondTerm(int molecule, double k, double r0) { this(molecule, k, r0, 0, 0); }

        public boolean anharmonic() { return k3 != 0 || k4 != 0; }
    }

    /**
     * Angle of a molecule kind, E = K(θ − θ0)² + K3(θ − θ0)³ + K4(θ − θ0)⁴ (K, K3, K4 eV per rad^n, θ0 rad): harmonic when
     * K3 = K4 = 0, else LAMMPS angle_style class2's angle part (its bond-bond and bond-angle cross terms zero).
     */
    public record AngleTerm(int molecule, double k, double theta0, double k3, double k4) {
        /** Harmonic. */
        public AngleTerm(int molecule, double k, double theta0) { this(molecule, k, theta0, 0, 0); }

        public boolean anharmonic() { return k3 != 0 || k4 != 0; }
    }

    private final String name;
    private final boolean provisional;
    private final String description;
    private final List<Species> species;
    private final List<MoleculeKind> molecules;
    private final List<PairTerm> pairs;
    private final List<BondTerm> bonds;
    private final List<AngleTerm> angles;
    private final double[] specialLj;
    private final double[] specialCoul;
    private final double cutoff;
    private final double ewaldAccuracy;
    private final boolean shift;
    private final List<SplinePair> splines;
    private final double[] atomEnergies;
    private final List<SplineTriple> triples;

    private ForceField(String name, boolean provisional, String description, List<Species> species,
                       List<MoleculeKind> molecules, List<PairTerm> pairs, List<BondTerm> bonds,
                       List<AngleTerm> angles, double[] specialLj, double[] specialCoul, double cutoff,
                       double ewaldAccuracy, boolean shift, List<SplinePair> splines, double[] atomEnergies,
                       List<SplineTriple> triples) {
        this.name = name;
        this.provisional = provisional;
        this.description = description;
        this.species = List.copyOf(species);
        this.molecules = List.copyOf(molecules);
        this.pairs = List.copyOf(pairs);
        this.bonds = List.copyOf(bonds);
        this.angles = List.copyOf(angles);
        this.specialLj = specialLj.clone();
        this.specialCoul = specialCoul.clone();
        this.cutoff = cutoff;
        this.ewaldAccuracy = ewaldAccuracy;
        this.shift = shift;
        this.splines = List.copyOf(splines);
        this.atomEnergies = atomEnergies.clone();
        this.triples = List.copyOf(triples);
    }

    public String name() { return name; }
    public boolean provisional() { return provisional; }
    public String description() { return description; }
    public List<Species> species() { return species; }
    public List<MoleculeKind> molecules() { return molecules; }
    public List<PairTerm> pairs() { return pairs; }
    public List<BondTerm> bonds() { return bonds; }
    public List<AngleTerm> angles() { return angles; }
    /** UF3-style spline pair terms (style "uf3"). */
    public List<SplinePair> splinePairs() { return splines; }
    /** UF3 3-body terms (top-level "three_body"), see {@link SplineTriple}. */
    public List<SplineTriple> splineTriples() { return triples; }
    /** Constant energy per atom of each species, eV (0 unless "atom_energies" is given). */
    public double[] atomEnergies() { return atomEnergies.clone(); }
    /** special_bonds lj weights for 1-2, 1-3, 1-4 neighbours. */
    public double[] specialLj() { return specialLj.clone(); }
    /** special_bonds coul weights for 1-2, 1-3, 1-4 neighbours. */
    public double[] specialCoul() { return specialCoul.clone(); }
    /** Real-space cut-off for pair and Coulomb terms, Å. */
    public double cutoffAngstrom() { return cutoff; }
    /** True if pair energies are shifted to zero at the cut-off (LAMMPS pair_modify shift yes). */
    public boolean pairShift() { return shift; }

    /** Ewald relative force accuracy (LAMMPS kspace_style ewald). */
    public double ewaldAccuracy() { return ewaldAccuracy; }

    /** Index of the species with this name, or −1. */
    public int speciesIndex(String speciesName) {
        for (int i = 0; i < species.size(); i++) if (species.get(i).name().equals(speciesName)) return i;
        return -1;
    }

    /** Index of the molecule kind with this name, or −1. */
    public int moleculeIndex(String kind) {
        for (int i = 0; i < molecules.size(); i++) if (molecules.get(i).name().equals(kind)) return i;
        return -1;
    }

    /** A copy with another cut-off (Å). */
    public ForceField withCutoff(double cutoffAngstrom) {
        return new ForceField(name, provisional, description, species, molecules, pairs, bonds, angles,
                specialLj, specialCoul, cutoffAngstrom, ewaldAccuracy, shift, splines, atomEnergies, triples);
    }

    /** A copy with another Ewald accuracy. */
    public ForceField withEwaldAccuracy(double accuracy) {
        return new ForceField(name, provisional, description, species, molecules, pairs, bonds, angles,
                specialLj, specialCoul, cutoff, accuracy, shift, splines, atomEnergies, triples);
    }

    /** A copy whose pair energies are shifted to zero at the cut-off (or not). */
    public ForceField withPairShift(boolean on) {
        return new ForceField(name, provisional, description, species, molecules, pairs, bonds, angles,
                specialLj, specialCoul, cutoff, ewaldAccuracy, on, splines, atomEnergies, triples);
    }

    /**
     * A force field by bundled name (e.g. {@code na-amide-borohydride}, from
     * {@code /forcefields/NAME.json} on the class path) or by file path.
     */
    public static ForceField resolve(String nameOrPath) {
        Path p = Path.of(nameOrPath);
        if (Files.isRegularFile(p)) {
            ForceField ff = load(p);
            String step = SplineTriple.forceStepWarning(ff.splineTriples(), ff.species());
            if (step != null) System.err.println("warning: " + nameOrPath + ": " + step);
            return ff;
        }
        String res = "/forcefields/" + nameOrPath + (nameOrPath.endsWith(".json") ? "" : ".json");
        try (InputStream in = ForceField.class.getResourceAsStream(res)) {
            if (in == null) {
                throw new InputException(nameOrPath, 0, "no such force-field file, and no bundled force field of that name"
                        + " (bundled: na-amide-borohydride, na-amide-borohydride-dft)");
            }
            return parse(new ObjectMapper().readTree(in), nameOrPath);
        } catch (IOException e) {
            throw new InputException(nameOrPath, 0, "cannot read bundled force field: " + e.getMessage(), e);
        }
    }

    /** Reads a force field from a JSON file. */
    public static ForceField load(Path file) {
        try {
            return parse(new ObjectMapper().readTree(file.toFile()), file.toString());
        } catch (IOException e) {
            throw new InputException(file.toString(), 0, "not valid JSON: " + e.getMessage(), e);
        }
    }

    /** Parses a JSON string (tests). */
    public static ForceField parse(String json, String source) {
        try {
            return parse(new ObjectMapper().readTree(json), source);
        } catch (IOException e) {
            throw new InputException(source, 0, "not valid JSON: " + e.getMessage(), e);
        }
    }

    static ForceField parse(JsonNode root, String src) {
        Json j = new Json(src);
        if (root == null || !root.isObject()) throw j.error("", "the file must hold one JSON object");
        Set<String> known = Set.of("name", "provisional", "description", "species", "molecules", "pairs", "bonds",
                "angles", "special_bonds", "cutoff", "ewald_accuracy", "pair_shift", "references", "comment", "atom_energies",
                "three_body", "dft_validation", "fit");
        root.fieldNames().forEachRemaining(k -> {
            if (!known.contains(k)) throw j.error(k, "unknown key (known: " + String.join(", ", known) + ")");
        });
        String name = j.text(root, "name");
        boolean prov = root.has("provisional") && j.bool(root, "provisional");
        String desc = root.has("description") ? j.text(root, "description") : "";

        List<Species> species = new ArrayList<>();
        Map<String, Integer> spIdx = new HashMap<>();
        JsonNode sp = j.array(root, "species");
        for (int i = 0; i < sp.size(); i++) {
            String at = "species[" + i + "]";
            JsonNode s = sp.get(i);
            String sn = j.text(s, "name", at);
            String el = j.text(s, "element", at);
            Element e = Element.find(el);
            if (e == null) throw j.error(at + ".element", "unknown element '" + el + "'");
            double q = j.num(s, "charge", at);
            double m = s.has("mass") ? j.positive(s, "mass", at) : e.massAmu();
            String mol = s.has("molecule") ? j.text(s, "molecule", at) : null;
            if (spIdx.put(sn, i) != null) throw j.error(at + ".name", "duplicate species '" + sn + "'");
            species.add(new Species(sn, e, q, m, mol));
        }
        if (species.isEmpty()) throw j.error("species", "at least one species is needed");

        List<MoleculeKind> mols = new ArrayList<>();
        if (root.has("molecules")) {
            JsonNode ms = j.array(root, "molecules");
            for (int i = 0; i < ms.size(); i++) {
                String at = "molecules[" + i + "]";
                JsonNode m = ms.get(i);
                String mn = j.text(m, "name", at);
                int c = j.speciesRef(m, "centre", at, spIdx);
                int l = j.speciesRef(m, "ligand", at, spIdx);
                int count = (int) j.positive(m, "count", at);
                double maxBond = j.positive(m, "max_bond", at);
                for (int s : new int[] {c, l}) {
                    if (!mn.equals(species.get(s).molecule())) {
                        throw j.error(at, "species '" + species.get(s).name() + "' must declare \"molecule\": \"" + mn + "\"");
                    }
                }
                mols.add(new MoleculeKind(mn, c, l, count, maxBond));
            }
        }
        for (int i = 0; i < species.size(); i++) {
            String mol = species.get(i).molecule();
            if (mol != null && mols.stream().noneMatch(m -> m.name().equals(mol))) {
                throw j.error("species[" + i + "].molecule", "no molecule kind named '" + mol + "' in \"molecules\"");
            }
        }

        List<PairTerm> pairs = new ArrayList<>();
        List<SplinePair> splines = new ArrayList<>();
        Set<Long> seen = new HashSet<>(), seenSpline = new HashSet<>();
        JsonNode ps = j.array(root, "pairs");
        for (int i = 0; i < ps.size(); i++) {
            String at = "pairs[" + i + "]";
            JsonNode p = ps.get(i);
            JsonNode ab = p.get("species");
            if (ab == null || !ab.isArray() || ab.size() != 2) throw j.error(at + ".species", "need two species names");
            int a = j.lookup(ab.get(0).asText(), at + ".species", spIdx);
            int b = j.lookup(ab.get(1).asText(), at + ".species", spIdx);
            String style = j.text(p, "style", at);
            if (!(style.equals("uf3") ? seenSpline : seen).add((long) Math.min(a, b) * 1_000_000L + Math.max(a, b))) {
                throw j.error(at + ".species", "pair " + ab + " is listed twice");
            }
            switch (style) {
                case "buckingham" -> {
                    double aa = j.num(p, "A", at);
                    double rho = j.positive(p, "rho", at);
                    double c = p.has("C") ? j.num(p, "C", at) : 0;
                    double d = p.has("D") ? j.num(p, "D", at) : 0;
                    pairs.add(new PairTerm(Math.min(a, b), Math.max(a, b), aa, rho, c, d, 0, style, 0, 0));
                }
                case "lennard-jones" -> {
                    double eps = j.num(p, "epsilon", at);
                    double sig = j.positive(p, "sigma", at);
                    double s6 = Math.pow(sig, 6);
                    pairs.add(new PairTerm(Math.min(a, b), Math.max(a, b), 0, 1, 4 * eps * s6, 0, 4 * eps * s6 * s6,
                            style, eps, sig));
                }
                case "uf3" -> splines.add(SplineJson.parse(p, a, b, src, at));
                default -> throw j.error(at + ".style", "unknown style '" + style + "' (buckingham, lennard-jones, uf3)");
            }
        }

        List<BondTerm> bonds = new ArrayList<>();
        if (root.has("bonds")) {
            JsonNode bs = j.array(root, "bonds");
            for (int i = 0; i < bs.size(); i++) {
                String at = "bonds[" + i + "]";
                JsonNode b = bs.get(i);
                int m = j.moleculeRef(b, at, mols);
                bonds.add(new BondTerm(m, j.num(b, "K", at), j.positive(b, "r0", at), b.has("K3") ? j.num(b, "K3", at) : 0,
                        b.has("K4") ? j.num(b, "K4", at) : 0));
            }
        }
        List<AngleTerm> angles = new ArrayList<>();
        if (root.has("angles")) {
            JsonNode as = j.array(root, "angles");
            for (int i = 0; i < as.size(); i++) {
                String at = "angles[" + i + "]";
                JsonNode a = as.get(i);
                int m = j.moleculeRef(a, at, mols);
                double th = j.positive(a, "theta0_deg", at);
                if (th > 180) throw j.error(at + ".theta0_deg", "must be at most 180°");
                angles.add(new AngleTerm(m, j.num(a, "K", at), Math.toRadians(th), a.has("K3") ? j.num(a, "K3", at) : 0,
                        a.has("K4") ? j.num(a, "K4", at) : 0));
            }
        }
        double[] lj = {0, 0, 0}, coul = {0, 0, 0};
        if (root.has("special_bonds")) {
            JsonNode sb = root.get("special_bonds");
            lj = j.triple(sb, "lj", "special_bonds");
            coul = j.triple(sb, "coul", "special_bonds");
        }
        double cut = j.positive(root, "cutoff", "");
        double acc = j.positive(root, "ewald_accuracy", "");
        if (acc >= 1) throw j.error("ewald_accuracy", "is relative and must be below 1 (e.g. 1e-5)");
        boolean shift = root.has("pair_shift") && j.bool(root, "pair_shift");
        for (SplinePair spl : splines) {
            if (spl.rCut() > cut) throw j.error("pairs", "a uf3 knot vector ends at " + spl.rCut() + " Å, beyond the cut-off " + cut + " Å");
        }
        double[] ae = SplineJson.atomEnergies(root.get("atom_energies"), spIdx, species.size(), src);
        List<SplineTriple> triples = SplineJson.triples(root.get("three_body"), spIdx, cut, src);
        return new ForceField(name, prov, desc, species, mols, pairs, bonds, angles, lj, coul, cut, acc, shift, splines, ae, triples);
    }

    /** Small JSON helpers whose errors name the offending key. */
    private record Json(String src) {
        InputException error(String key, String msg) {
            return new InputException(src, 0, (key.isEmpty() ? "" : "key '" + key + "': ") + msg);
        }

        JsonNode need(JsonNode n, String key, String at) {
            JsonNode v = n == null ? null : n.get(key);
            if (v == null || v.isNull()) throw error(path(at, key), "missing");
            return v;
        }

        static String path(String at, String key) { return at.isEmpty() ? key : at + "." + key; }

        String text(JsonNode n, String key) { return text(n, key, ""); }

        String text(JsonNode n, String key, String at) {
            JsonNode v = need(n, key, at);
            if (!v.isTextual()) throw error(path(at, key), "must be a string");
            return v.asText();
        }

        boolean bool(JsonNode n, String key) {
            JsonNode v = need(n, key, "");
            if (!v.isBoolean()) throw error(key, "must be true or false");
            return v.asBoolean();
        }

        double num(JsonNode n, String key, String at) {
            JsonNode v = need(n, key, at);
            if (!v.isNumber()) throw error(path(at, key), "must be a number, got " + v);
            double d = v.asDouble();
            if (!Double.isFinite(d)) throw error(path(at, key), "must be finite");
            return d;
        }

        double positive(JsonNode n, String key, String at) {
            double d = num(n, key, at);
            if (!(d > 0)) throw error(path(at, key), "must be positive, got " + d);
            return d;
        }

        JsonNode array(JsonNode n, String key) {
            JsonNode v = need(n, key, "");
            if (!v.isArray()) throw error(key, "must be an array");
            return v;
        }

        int lookup(String s, String at, Map<String, Integer> idx) {
            Integer i = idx.get(s);
            if (i == null) throw error(at, "unknown species '" + s + "' (declare it under \"species\")");
            return i;
        }

        int speciesRef(JsonNode n, String key, String at, Map<String, Integer> idx) {
            return lookup(text(n, key, at), path(at, key), idx);
        }

        int moleculeRef(JsonNode n, String at, List<MoleculeKind> mols) {
            String m = text(n, "molecule", at);
            for (int i = 0; i < mols.size(); i++) if (mols.get(i).name().equals(m)) return i;
            throw error(path(at, "molecule"), "unknown molecule kind '" + m + "'");
        }

        double[] triple(JsonNode n, String key, String at) {
            JsonNode v = need(n, key, at);
            if (!v.isArray() || v.size() != 3) throw error(path(at, key), "must be three weights [1-2, 1-3, 1-4]");
            double[] d = new double[3];
            for (int i = 0; i < 3; i++) {
                if (!v.get(i).isNumber()) throw error(path(at, key), "must hold numbers");
                d[i] = v.get(i).asDouble();
            }
            return d;
        }
    }
}
