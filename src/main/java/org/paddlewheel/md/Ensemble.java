package org.paddlewheel.md;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Thermodynamic ensemble of an MD run: NVE (velocity Verlet), NVT (Langevin BAOAB), NPT (Langevin +
 * isotropic stochastic cell rescaling) or NPT_C (the same, with only the c axis rescaled against the
 * normal stress P_cc: the a–b cross-section stays fixed, as a solid | liquid interface normal to c
 * needs). {@link #cliName()} is the spelling in options, files and JSON.
 */
public enum Ensemble {
    NVE, NVT, NPT, NPT_C;

    /** "nve", "nvt", "npt", "npt-c". */
    @JsonValue
    public String cliName() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }

    /** True for the ensembles with a barostat. */
    public boolean barostat() { return this == NPT || this == NPT_C; }

    @Override public String toString() { return cliName(); }

    /** Parses "nve", "nvt" or "npt" (any case). */
    @JsonCreator
    public static Ensemble parse(String s) {
        for (Ensemble e : values()) if (e.cliName().equalsIgnoreCase(s.trim())) return e;
        throw new IllegalArgumentException("--ensemble must be nve, nvt, npt or npt-c, got " + s);
    }
}
