package org.paddlewheel.model;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a number with a unit suffix ("0.5fs", "50 ps", "4.70Å", "1mm", "160.49MHz", "700K",
 * "1e-5 S/cm") into paddlewheel's internal unit for that dimension: time → fs, length → Å,
 * temperature → K, frequency → Hz, energy → eV, pressure → GPa, voltage → V, current → A,
 * resistance → Ω, mass → g. A bare number is taken in the
 * internal unit. A unit of the wrong dimension is an error that names what was expected.
 */
public final class Quantity {
    private Quantity() {}

    /** The physical dimensions the CLI accepts, each with its internal unit. */
    public enum Dimension {
        TIME("fs", Map.of("fs", 1.0, "ps", 1e3, "ns", 1e6, "as", 1e-3, "s", 1e15, "ms", 1e12, "us", 1e9, "µs", 1e9, "μs", 1e9)),
        LENGTH("Å", Map.ofEntries(Map.entry("å", 1.0), Map.entry("Å", 1.0), Map.entry("a", 1.0), Map.entry("ang", 1.0),
                Map.entry("angstrom", 1.0), Map.entry("nm", 10.0), Map.entry("pm", 0.01), Map.entry("um", 1e4),
                Map.entry("µm", 1e4), Map.entry("μm", 1e4), Map.entry("mm", 1e7), Map.entry("cm", 1e8), Map.entry("m", 1e10),
                Map.entry("bohr", 0.529177210903))),
        TEMPERATURE("K", Map.of("k", 1.0)),
        FREQUENCY("Hz", Map.of("hz", 1.0, "khz", 1e3, "mhz", 1e6, "ghz", 1e9, "thz", 1e12, "1/s", 1.0, "s^-1", 1.0)),
        ENERGY("eV", Map.of("ev", 1.0, "mev", 1e-3, "kj/mol", 1e3 / (Units.AVOGADRO_PER_MOL * Units.EV_J),
                "kcal/mol", 4184.0 / (Units.AVOGADRO_PER_MOL * Units.EV_J), "j", 1.0 / Units.EV_J)),
        PRESSURE("GPa", Map.of("gpa", 1.0, "mpa", 1e-3, "kpa", 1e-6, "pa", 1e-9, "bar", 1e-4, "kbar", 0.1, "atm", 1.01325e-4)),
        VOLTAGE("V", Map.of("V", 1.0, "v", 1.0, "mV", 1e-3, "mv", 1e-3, "uV", 1e-6, "µV", 1e-6, "μV", 1e-6, "kV", 1e3)),
        CURRENT("A", Map.of("A", 1.0, "a", 1.0, "mA", 1e-3, "ma", 1e-3, "uA", 1e-6, "µA", 1e-6, "μA", 1e-6, "nA", 1e-9, "pA", 1e-12)),
        RESISTANCE("Ω", Map.ofEntries(Map.entry("Ω", 1.0), Map.entry("ohm", 1.0), Map.entry("Ohm", 1.0), Map.entry("kΩ", 1e3),
                Map.entry("kohm", 1e3), Map.entry("kOhm", 1e3), Map.entry("MΩ", 1e6), Map.entry("Mohm", 1e6), Map.entry("MOhm", 1e6),
                Map.entry("mΩ", 1e-3), Map.entry("mohm", 1e-3), Map.entry("GΩ", 1e9), Map.entry("Gohm", 1e9))),
        MASS("g", Map.of("g", 1.0, "mg", 1e-3, "ug", 1e-6, "µg", 1e-6, "μg", 1e-6, "kg", 1e3));

        private final String internal;
        private final Map<String, Double> factors;

        Dimension(String internal, Map<String, Double> factors) {
            this.internal = internal;
            this.factors = factors;
        }

        /** Symbol of the internal unit, e.g. "fs". */
        public String internalUnit() { return internal; }

        Double factor(String unit) {
            Double f = factors.get(unit);
            if (f == null) f = factors.get(unit.toLowerCase(Locale.ROOT));
            // "MHz" vs "mHz": the only case-sensitive pair worth distinguishing; mHz is rare, MHz common.
            return f;
        }
    }

    private static final Pattern NUMBER_UNIT = Pattern.compile(
            "^\\s*([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*(\\S*)\\s*$");

    /**
     * Parses {@code text} as a quantity of dimension {@code dim}, returned in the internal unit.
     *
     * @throws InputException naming the text and the units accepted
     */
    public static double parse(String text, Dimension dim) {
        if (text == null) throw new InputException("missing value; expected a " + dim.name().toLowerCase(Locale.ROOT));
        Matcher mt = NUMBER_UNIT.matcher(text);
        if (!mt.matches()) {
            throw new InputException("'" + text + "' is not a number with a unit; expected e.g. 1.5"
                    + dim.internalUnit() + " (" + dim.name().toLowerCase(Locale.ROOT) + ")");
        }
        double v = Double.parseDouble(mt.group(1));
        String unit = mt.group(2);
        if (unit.isEmpty()) return v;
        Double f = dim.factor(unit);
        if (f == null) {
            throw new InputException("'" + text + "': unit '" + unit + "' is not a " + dim.name().toLowerCase(Locale.ROOT)
                    + " unit; expected one of " + String.join(", ", new java.util.TreeSet<>(dim.factors.keySet())));
        }
        return v * f;
    }

    /** Time → fs. */
    public static double timeFs(String text) { return parse(text, Dimension.TIME); }

    /** Length → Å. */
    public static double lengthAngstrom(String text) { return parse(text, Dimension.LENGTH); }

    /** Temperature → K (Celsius as "15C" or "15°C" is also accepted). */
    public static double temperatureK(String text) {
        String t = text.trim();
        if (t.endsWith("°C") || (t.endsWith("C") && !t.endsWith("K"))) {
            String num = t.substring(0, t.length() - (t.endsWith("°C") ? 2 : 1)).trim();
            return parse(num, Dimension.TEMPERATURE) + 273.15;
        }
        return parse(t, Dimension.TEMPERATURE);
    }

    /** Frequency → Hz. */
    public static double frequencyHz(String text) { return parse(text, Dimension.FREQUENCY); }

    /** Energy → eV. */
    public static double energyEv(String text) { return parse(text, Dimension.ENERGY); }

    /** Voltage → V ("10mV"). */
    public static double voltageV(String text) { return parse(text, Dimension.VOLTAGE); }

    /** Current → A ("2.5uA"). */
    public static double currentA(String text) { return parse(text, Dimension.CURRENT); }

    /** Resistance → Ω ("120Ω", "3.2kohm"). */
    public static double resistanceOhm(String text) { return parse(text, Dimension.RESISTANCE); }

    /** Mass → g ("5.2mg"). */
    public static double massG(String text) { return parse(text, Dimension.MASS); }

    /** Pressure → GPa. */
    public static double pressureGPa(String text) { return parse(text, Dimension.PRESSURE); }
}
