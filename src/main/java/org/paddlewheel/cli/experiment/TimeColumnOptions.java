package org.paddlewheel.cli.experiment;

import java.util.Locale;
import org.paddlewheel.model.InputException;
import picocli.CommandLine.Option;

/**
 * The time-column option the curve commands share ({@code dc-polarization}, {@code dsc}; a picocli
 * mixin): the unit of a measured curve's time column, from {@code --time-unit} or else the column's
 * header ("time/min", "Time (min)", "t_s"), else seconds; turns it into seconds per unit. Also the one
 * place a header's unit is read ({@link #headerUnit}).
 */
public final class TimeColumnOptions {
    @Option(names = "--time-unit", paramLabel = "s|ms|min|h", description = "Unit of the time column (default: from the header, e.g. time/min, t_s; else s).")
    String unit;

    /** Seconds per unit of the time column named {@code headerName}. */
    double secondsPerUnit(String headerName) {
        String u = (unit != null ? unit : headerUnit(headerName)).strip().toLowerCase(Locale.ROOT);
        return switch (u) {
            case "", "s", "sec" -> 1;
            case "ms" -> 1e-3;
            case "min" -> 60;
            case "h", "hr" -> 3600;
            default -> {
                if (unit != null) throw new InputException("--time-unit must be s, ms, min or h, got '" + unit + "'");
                yield u.startsWith("min") ? 60 : u.startsWith("h") ? 3600 : 1;
            }
        };
    }

    /**
     * The unit written in a column header: inside the last (…) or […], else after the first '/' or the
     * last '_' ("Heat Flow (W/g)" → "W/g", "time/min" → "min", "hf/mW/mg" → "mW/mg", "I_mA" → "mA"); "" when none.
     */
    static String headerUnit(String name) {
        String n = name.strip();
        int p = Math.max(n.lastIndexOf('('), n.lastIndexOf('['));
        if (p >= 0) return n.substring(p + 1).replaceAll("[)\\]]", "").strip();
        int s = n.indexOf('/');
        if (s < 0) s = n.lastIndexOf('_');
        return s >= 0 ? n.substring(s + 1).strip() : "";
    }
}
