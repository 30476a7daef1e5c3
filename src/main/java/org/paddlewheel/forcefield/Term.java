package org.paddlewheel.forcefield;

/** The energy terms a {@link ForceEngine} reports separately (all in eV). */
public enum Term {
    /** Short-range pair terms (Buckingham, Lennard-Jones, wall), incl. weighted intramolecular pairs. */
    PAIR("pair"),
    /** Real-space Ewald sum, k_e q_i q_j erfc(αr)/r within the cut-off. */
    COULOMB_REAL("coulomb_real"),
    /** Reciprocal-space Ewald sum. */
    COULOMB_RECIPROCAL("coulomb_reciprocal"),
    /** Ewald self energy (and neutralising background for charged cells). */
    COULOMB_SELF("coulomb_self"),
    /** Intramolecular Coulomb correction: k_e q_i q_j (erfc(αr) − (1 − w))/r for weight w. */
    COULOMB_EXCLUSION("coulomb_exclusion"),
    /** Harmonic bonds. */
    BOND("bond"),
    /** Harmonic angles. */
    ANGLE("angle"),
    /** UF3-style spline 2-body terms with their core prior ({@link SplinePair}), 3-body terms ({@link SplineTriple}), plus constant atom energies. */
    SPLINE("uf3");

    private final String key;

    Term(String key) { this.key = key; }

    /** Lower-case key used in JSON and CSV output. */
    public String key() { return key; }
}
