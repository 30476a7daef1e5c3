package org.paddlewheel.cli.experiment;

import org.paddlewheel.model.Quantity;
import org.paddlewheel.model.Units;
import picocli.CommandLine.ITypeConverter;

/**
 * picocli converter for NMR times: "61s", "1us", "250ms" → seconds. Unlike the MD time converter
 * (bare numbers in fs), a bare number here is in seconds, the natural unit of T1 and τc.
 */
public final class TimeSeconds implements ITypeConverter<Double> {
    @Override
    public Double convert(String s) { return parse(s); }

    /** Parses one time, returning seconds. */
    public static double parse(String s) {
        String t = s.strip();
        if (t.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) return Double.parseDouble(t);
        return Quantity.timeFs(t) * Units.SECOND_PER_FS;
    }
}
