package org.paddlewheel.cli.experiment;

import java.util.Locale;
import org.paddlewheel.model.InputException;

/** How a table's temperature column is written: kelvin or degrees Celsius. */
public enum TemperatureColumn {
    K, C;

    /** Converts a column value to K. */
    public double toKelvin(double v) { return this == C ? v + 273.15 : v; }

    /** Parses "K" or "C" (also "°C", "celsius", "kelvin"). */
    public static TemperatureColumn parse(String s) {
        String t = s.strip().toLowerCase(Locale.ROOT).replace("°", "");
        return switch (t) {
            case "k", "kelvin" -> K;
            case "c", "celsius" -> C;
            default -> throw new InputException("temperature unit '" + s + "' must be K or C");
        };
    }
}
