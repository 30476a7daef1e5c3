package org.paddlewheel.md;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Thermodynamic ensemble of an MD run: NVE (velocity Verlet), NVT (Langevin BAOAB) or NPT (Langevin +
 * stochastic cell rescaling). {@link #cliName()} is the spelling in options, files and JSON.
 */
public enum Ensemble {
    NVE, NVT, NPT;

    /** "nve", "nvt", "npt". */
    @JsonValue
    public String cliName() { return name().toLowerCase(Locale.ROOT); }

    @Override public String toString() { return cliName(); }

    /** Parses "nve", "nvt" or "npt" (any case). */
    @JsonCreator
    public static Ensemble parse(String s) {
        for (Ensemble e : values()) if (e.cliName().equalsIgnoreCase(s.trim())) return e;
        throw new IllegalArgumentException("--ensemble must be nve, nvt or npt, got " + s);
    }
}
