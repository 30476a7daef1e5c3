package org.paddlewheel.model;

/**
 * Physical constants (CODATA 2018, exact SI values where SI 2019 fixes them) and the conversions
 * between paddlewheel's internal units and SI. Internal units: length Å, time fs, energy eV,
 * mass amu (unified atomic mass unit, Da), charge e (elementary charge), temperature K.
 * Derived: velocity Å/fs, force eV/Å, stress eV/Å³, pressure at the interface in GPa.
 * Every constant lives here, once, so no two parts of the code disagree on a digit.
 */
public final class Units {
    private Units() {}

    /** Boltzmann constant in eV/K (exact: 1.380649e-23 J/K divided by e). */
    public static final double BOLTZMANN_EV_PER_K = 8.617333262e-5;
    /** Boltzmann constant in J/K (exact, SI 2019). */
    public static final double BOLTZMANN_J_PER_K = 1.380649e-23;
    /** Elementary charge in C (exact, SI 2019). */
    public static final double ELEMENTARY_CHARGE_C = 1.602176634e-19;
    /** Avogadro constant in 1/mol (exact, SI 2019). */
    public static final double AVOGADRO_PER_MOL = 6.02214076e23;
    /** Planck constant in J·s (exact, SI 2019). */
    public static final double PLANCK_J_S = 6.62607015e-34;
    /** Reduced Planck constant in J·s. */
    public static final double HBAR_J_S = PLANCK_J_S / (2.0 * Math.PI);
    /** Unified atomic mass unit in kg (CODATA 2018: 1.66053906660(50)e-27). */
    public static final double AMU_KG = 1.66053906660e-27;
    /** Vacuum permittivity in F/m (CODATA 2018: 8.8541878128(13)e-12). */
    public static final double VACUUM_PERMITTIVITY_F_PER_M = 8.8541878128e-12;
    /** Speed of light in m/s (exact). */
    public static final double SPEED_OF_LIGHT_M_PER_S = 299792458.0;
    /** Electron volt in J (exact). */
    public static final double EV_J = ELEMENTARY_CHARGE_C;

    /**
     * Coulomb constant e²/(4π ε0) in eV·Å: the energy of two unit charges 1 Å apart.
     * From CODATA 2018 e and ε0: 14.399645478 eV·Å.
     */
    public static final double COULOMB_EV_ANGSTROM =
            ELEMENTARY_CHARGE_C / (4.0 * Math.PI * VACUUM_PERMITTIVITY_F_PER_M) * 1e10;

    /**
     * Converts force/mass in (eV/Å)/amu into acceleration in Å/fs²:
     * 1 eV/(Å·amu) = e/(1e-10 m · amu) m/s² = 9.6485332e-3 Å/fs².
     */
    public static final double ACCELERATION_EV_PER_A_AMU_TO_A_PER_FS2 =
            EV_J / (1e-10 * AMU_KG) * 1e10 / 1e30;

    /** Converts amu·(Å/fs)² into eV (kinetic energy): 103.6427 eV. */
    public static final double AMU_A2_PER_FS2_TO_EV = 1.0 / ACCELERATION_EV_PER_A_AMU_TO_A_PER_FS2;

    /** Converts a stress or pressure in eV/Å³ into GPa (160.2177 GPa per eV/Å³). */
    public static final double EV_PER_A3_TO_GPA = EV_J / 1e-30 / 1e9;

    /** Converts a mass density in amu/Å³ into g/cm³ (1.66054 g/cm³ per amu/Å³). */
    public static final double AMU_PER_A3_TO_G_PER_CM3 = AMU_KG * 1e3 / 1e-24;

    /** Å² per fs into cm² per s (diffusion coefficients): 1 Å²/fs = 0.1 cm²/s. */
    public static final double A2_PER_FS_TO_CM2_PER_S = 1e-16 / 1e-15;

    /** Metres per Å. */
    public static final double METRE_PER_ANGSTROM = 1e-10;
    /** Seconds per fs. */
    public static final double SECOND_PER_FS = 1e-15;
}
