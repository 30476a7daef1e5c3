package org.paddlewheel.cp2k;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Structure;

/**
 * Writes CP2K (Quickstep, GPW) input files from a {@link Structure} and {@link Cp2kSettings}:
 * the {@code &FORCE_EVAL} block (cell, coordinates in Å, one {@code &KIND} per element with its
 * GTH-PBE pseudopotential and basis, OT SCF with the FULL_SINGLE_INVERSE preconditioner and an
 * outer loop, optional D3(BJ), optional XC-grid smoothing, Hirshfeld/Mulliken printing) and a
 * {@code &GLOBAL}/{@code &MOTION} block chosen by the {@link RunType}. Units: Å in the input (CP2K's
 * default for CELL and COORD), K, fs, bar where CP2K asks for them.
 */
public final class Cp2kInput {
    /** What CP2K is asked to do. */
    public enum RunType { ENERGY_FORCE, GEO_OPT, CELL_OPT, BAND, MD }

    /**
     * Valence electrons of the GTH-PBE pseudopotential used per element; Na takes its 9-electron
     * semicore potential (q9), which the MOLOPT-SR basis is made for. Elements not listed use CP2K's
     * alias {@code GTH-PBE} (its default valence).
     */
    static final Map<String, Integer> GTH_VALENCE = Map.ofEntries(
            Map.entry("H", 1), Map.entry("Li", 3), Map.entry("B", 3), Map.entry("C", 4), Map.entry("N", 5),
            Map.entry("O", 6), Map.entry("F", 7), Map.entry("Na", 9), Map.entry("Mg", 10), Map.entry("P", 5),
            Map.entry("S", 6), Map.entry("Cl", 7), Map.entry("K", 9), Map.entry("Br", 7), Map.entry("I", 7));

    private Cp2kInput() {}

    /** The pseudopotential name written for an element. */
    public static String potentialName(Element e) {
        Integer q = GTH_VALENCE.get(e.symbol());
        return q == null ? "GTH-PBE" : "GTH-PBE-q" + q;
    }

    /**
     * The basis set written for an element: the settings' name, with {@code {q}} replaced by the element's
     * GTH valence (e.g. {@code TZVP-MOLOPT-PBE-GTH-q{q}} → {@code TZVP-MOLOPT-PBE-GTH-q9} for Na), as the
     * element-specific names of CP2K's BASIS_MOLOPT_UZH file need.
     */
    public static String basisName(String basis, Element e) {
        if (!basis.contains("{q}")) return basis;
        Integer q = GTH_VALENCE.get(e.symbol());
        if (q == null) throw new IllegalArgumentException("basis " + basis + ": no GTH valence known for " + e.symbol() + " to put for {q}");
        return basis.replace("{q}", Integer.toString(q));
    }

    /**
     * The {@code &FORCE_EVAL} section for {@code s}.
     *
     * @param wfnRestart a wavefunction file to start the SCF from (a neighbouring configuration's
     *                   {@code -RESTART.wfn} with the same atoms in the same order), or null for the
     *                   atomic guess
     * @param stress     compute the analytical stress tensor
     */
    public static String forceEval(Structure s, Cp2kSettings st, Path wfnRestart, boolean stress) {
        StringBuilder b = new StringBuilder(4096 + 64 * s.size());
        b.append("&FORCE_EVAL\n  METHOD Quickstep\n");
        if (stress) b.append("  STRESS_TENSOR ANALYTICAL\n");
        b.append("  &DFT\n    BASIS_SET_FILE_NAME BASIS_MOLOPT\n");
        // The element-specific {q} names (DZVP/TZVP-MOLOPT-PBE-GTH-qN) live in the UZH files, and those basis sets
        // are optimised for the UZH potentials, which differ from GTH_POTENTIALS' (Na q9: C1 0.431 vs 0.295):
        // pairing them with the old potentials gave a TZVP energy 0.30 eV/atom ABOVE DZVP's (measured), so
        // a {q} basis takes POTENTIAL_UZH with it (Debian cp2k-data has both files).
        boolean uzh = st.basis().contains("{q}");
        if (uzh) b.append("    BASIS_SET_FILE_NAME BASIS_MOLOPT_UZH\n");
        b.append("    POTENTIAL_FILE_NAME ").append(uzh ? "POTENTIAL_UZH" : "GTH_POTENTIALS").append('\n');
        if (st.charge() != 0) b.append("    CHARGE ").append(st.charge()).append('\n');
        if (wfnRestart != null) b.append("    WFN_RESTART_FILE_NAME ").append(wfnRestart).append('\n');
        b.append("    &MGRID\n      CUTOFF ").append(fmt(st.cutoffRy())).append("\n      REL_CUTOFF ").append(fmt(st.relCutoffRy()))
                .append("\n    &END MGRID\n");
        // EPS_DEFAULT well below EPS_SCF² so that integral screening does not limit force accuracy.
        b.append("    &QS\n      EPS_DEFAULT 1.0E-12\n    &END QS\n");
        if (st.kpoints() != null) {
            int[] k = st.kpoints();
            b.append("    &KPOINTS\n      SCHEME MONKHORST-PACK ").append(k[0]).append(' ').append(k[1]).append(' ').append(k[2])
                    .append("\n      SYMMETRY F\n      FULL_GRID F\n    &END KPOINTS\n");
        }
        b.append("    &SCF\n      SCF_GUESS ").append(wfnRestart != null ? "RESTART" : "ATOMIC").append('\n');
        if (st.kpoints() != null) {
            // CP2K's OT works at Γ only: k-point meshes need diagonalisation with density mixing.
            b.append("      EPS_SCF ").append(sci(st.epsScf())).append("\n      MAX_SCF ").append(st.maxScf() * st.maxOuterScf()).append('\n');
            b.append("      ADDED_MOS 20\n      &DIAGONALIZATION\n        ALGORITHM STANDARD\n      &END DIAGONALIZATION\n");
            b.append("      &SMEAR ON\n        METHOD FERMI_DIRAC\n        ELECTRONIC_TEMPERATURE 300\n      &END SMEAR\n");
            b.append("      &MIXING\n        METHOD BROYDEN_MIXING\n        ALPHA 0.3\n        NBROYDEN 8\n      &END MIXING\n");
        } else {
            b.append("      EPS_SCF ").append(sci(st.epsScf())).append("\n      MAX_SCF ").append(st.maxScf()).append('\n');
            // CG with FULL_ALL by default: DIIS stopped 6.5 eV above the ground state on an 80-atom snapshot (Cp2kSettings)
            b.append("      &OT\n        MINIMIZER ").append(st.otMinimizer()).append("\n        PRECONDITIONER ")
                    .append(st.otMinimizer().equals("DIIS") ? "FULL_SINGLE_INVERSE" : "FULL_ALL").append("\n      &END OT\n");
            b.append("      &OUTER_SCF\n        EPS_SCF ").append(sci(st.epsScf())).append("\n        MAX_SCF ").append(st.maxOuterScf())
                    .append("\n      &END OUTER_SCF\n");
        }
        b.append("      &PRINT\n        &RESTART\n          BACKUP_COPIES 0\n        &END RESTART\n      &END PRINT\n");
        b.append("    &END SCF\n");
        b.append("    &XC\n      &XC_FUNCTIONAL ").append(st.functional()).append("\n      &END XC_FUNCTIONAL\n");
        if (st.xcSmoothing()) {
            // Smoothing of the density and of its derivatives on the XC grid removes most of the
            // egg-box noise that Na's semicore density causes in GPW forces.
            b.append("      &XC_GRID\n        XC_DERIV SPLINE2_SMOOTH\n        XC_SMOOTH_RHO NN10\n      &END XC_GRID\n");
        }
        if (st.d3()) {
            b.append("      &VDW_POTENTIAL\n        POTENTIAL_TYPE PAIR_POTENTIAL\n        &PAIR_POTENTIAL\n")
                    .append("          TYPE DFTD3(BJ)\n          REFERENCE_FUNCTIONAL ").append(st.functional())
                    .append("\n          PARAMETER_FILE_NAME dftd3.dat\n        &END PAIR_POTENTIAL\n      &END VDW_POTENTIAL\n");
        }
        b.append("    &END XC\n");
        if (st.populations()) {
            // Mulliken only. Hirshfeld was printed too until 3 Dec 2026 (atomic densities as shapes: CP2K's default
            // Gaussian shapes put −1.2 to −1.9 e on Na with the semicore potential, measured), but the dataset's
            // charges are Mulliken (SinglePoints), and CP2K 2023.1 under mpirun -np 2 died with a segmentation fault
            // right after printing the Mulliken charges of a 48-atom NaBH4 cell (fcc primitive vectors, 800 Ry), i.e.
            // in the Hirshfeld step, after 31 min of SCF. Cp2kOutput still reads Hirshfeld charges when present.
            b.append("    &PRINT\n      &MULLIKEN ON\n      &END MULLIKEN\n    &END PRINT\n");
        }
        b.append("  &END DFT\n");
        b.append("  &SUBSYS\n");
        appendCell(b, s.lattice());
        b.append("    &COORD\n");
        for (int i = 0; i < s.size(); i++) {
            b.append("      ").append(s.species(i).symbol());
            for (int k = 0; k < 3; k++) b.append(' ').append(String.format(Locale.ROOT, "%.10f", s.x(i, k)));
            b.append('\n');
        }
        b.append("    &END COORD\n");
        for (String el : elements(s)) {
            Element e = Element.of(el);
            b.append("    &KIND ").append(el).append("\n      BASIS_SET ").append(basisName(st.basis(), e))
                    .append("\n      POTENTIAL ").append(potentialName(e)).append("\n    &END KIND\n");
        }
        b.append("  &END SUBSYS\n");
        b.append("  &PRINT\n    &FORCES ON\n    &END FORCES\n");
        if (stress) b.append("    &STRESS_TENSOR ON\n    &END STRESS_TENSOR\n");
        b.append("  &END PRINT\n&END FORCE_EVAL\n");
        return b.toString();
    }

    /** A complete ENERGY_FORCE input (energy, forces, stress, populations). */
    public static String singlePoint(String project, Structure s, Cp2kSettings st, Path wfnRestart) {
        return global(project, RunType.ENERGY_FORCE) + forceEval(s, st, wfnRestart, true);
    }

    /** The {@code &GLOBAL} section. */
    public static String global(String project, RunType type) {
        return "&GLOBAL\n  PROJECT " + project + "\n  RUN_TYPE " + type + "\n  PRINT_LEVEL MEDIUM\n&END GLOBAL\n";
    }

    static void appendCell(StringBuilder b, Lattice l) {
        b.append("    &CELL\n");
        String[] names = {"A", "B", "C"};
        for (int i = 0; i < 3; i++) {
            double[] v = l.vector(i);
            b.append("      ").append(names[i]).append(String.format(Locale.ROOT, " %.10f %.10f %.10f\n", v[0], v[1], v[2]));
        }
        b.append("      PERIODIC XYZ\n    &END CELL\n");
    }

    static Set<String> elements(Structure s) {
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < s.size(); i++) out.add(s.species(i).symbol());
        return out;
    }

    static String fmt(double v) { return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v); }

    static String sci(double v) { return String.format(Locale.ROOT, "%.1E", v); }
}
