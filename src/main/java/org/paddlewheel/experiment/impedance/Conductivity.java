package org.paddlewheel.experiment.impedance;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.paddlewheel.model.InputException;

/**
 * Ionic conductivity of a pellet from a resistance: σ = L/(R·A) in S/cm, with thickness L in cm,
 * electrode area A in cm² (from a diameter d: A = πd²/4) and R in Ω; its 1σ error is
 * σ·σ_R/R (geometry taken as exact). Also parses areas ("1.27cm2", "126.7mm2", "1.27 cm^2",
 * "1.27e-4m2"; a bare number is cm²) and reads a measurement temperature from a file name
 * ("..._25C...", "..._300K...", "-40C", "25.5C").
 */
public final class Conductivity {
    private Conductivity() {}

    /** σ (S/cm) from thickness (cm), area (cm²) and resistance (Ω). */
    public static double sigmaSPerCm(double thicknessCm, double areaCm2, double resistanceOhm) {
        if (!(thicknessCm > 0) || !(areaCm2 > 0)) throw new IllegalArgumentException("thickness and area must be > 0");
        if (!(resistanceOhm > 0)) throw new IllegalArgumentException("resistance must be > 0 Ω to give a conductivity, got " + resistanceOhm);
        return thicknessCm / (resistanceOhm * areaCm2);
    }

    /** Area (cm²) of a disc of diameter {@code diameterCm} (cm). */
    public static double discAreaCm2(double diameterCm) {
        return Math.PI * diameterCm * diameterCm / 4;
    }

    private static final Pattern AREA = Pattern.compile("^\\s*([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*(\\S*)\\s*$");

    /** Parses an area with unit mm2, cm2 or m2 (also mm^2, mm², ...) to cm². */
    public static double parseAreaCm2(String text) {
        Matcher m = AREA.matcher(text == null ? "" : text);
        if (!m.matches()) throw new InputException("'" + text + "' is not an area; expected e.g. 1.27cm2 or 126.7mm2");
        double v = Double.parseDouble(m.group(1));
        String u = m.group(2).toLowerCase(Locale.ROOT).replace("^", "").replace("²", "2");
        double f = switch (u) {
            case "", "cm2" -> 1.0;
            case "mm2" -> 1e-2;
            case "m2" -> 1e4;
            case "um2", "µm2", "μm2" -> 1e-8;
            default -> throw new InputException("'" + text + "': unit '" + m.group(2) + "' is not an area unit; expected mm2, cm2 or m2");
        };
        if (!(v > 0)) throw new InputException("area must be > 0, got '" + text + "'");
        return v * f;
    }

    private static final Pattern TEMP = Pattern.compile("(?<![0-9A-Za-z.])(-?\\d+(?:\\.\\d+)?)\\s*(C|K|degC)(?![A-Za-z])");

    /** Temperature (K) in a file name such as {@code LNO_25C.mpt} or {@code run-300K-2.txt}; NaN if none. */
    public static double temperatureFromName(String fileName) {
        String base = fileName.contains(".") ? fileName.substring(0, fileName.lastIndexOf('.')) : fileName;
        Matcher m = TEMP.matcher(base.replace('_', ' '));
        double found = Double.NaN;
        while (m.find()) {  // the last temperature-like token wins ("S1_2023_25C")
            double v = Double.parseDouble(m.group(1));
            found = m.group(2).equals("K") ? v : v + 273.15;
        }
        return found;
    }
}
