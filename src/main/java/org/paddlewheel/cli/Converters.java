package org.paddlewheel.cli;

import org.paddlewheel.model.Quantity;
import picocli.CommandLine.ITypeConverter;

/**
 * picocli converters for quantities with units; each returns the internal unit (fs, Å, K, Hz, eV,
 * GPa) so a command never sees a raw string. Times and lengths must be ≥ 0 and temperatures
 * above 0 K: a value outside is refused before the command runs (exit 2). Use as {@code converter = Converters.TimeFs.class}.
 */
public final class Converters {
    private Converters() {}

    /** Time → fs ("0.5fs", "50ps"). */
    public static final class TimeFs implements ITypeConverter<Double> {
        @Override public Double convert(String s) {
            double v = Quantity.timeFs(s);
            if (v < 0) throw new org.paddlewheel.model.InputException("a time must not be negative, got '" + s + "'");
            return v;
        }
    }

    /** Length → Å ("4.70Å", "1mm"). */
    public static final class LengthAngstrom implements ITypeConverter<Double> {
        @Override public Double convert(String s) {
            double v = Quantity.lengthAngstrom(s);
            if (v < 0) throw new org.paddlewheel.model.InputException("a length must not be negative, got '" + s + "'");
            return v;
        }
    }

    /** Temperature → K ("700K", "15C"). */
    public static final class TemperatureK implements ITypeConverter<Double> {
        @Override public Double convert(String s) {
            double v = Quantity.temperatureK(s);
            if (!(v > 0)) throw new org.paddlewheel.model.InputException("a temperature must be above 0 K, got '" + s + "'");
            return v;
        }
    }

    /** Frequency → Hz ("160.49MHz"). */
    public static final class FrequencyHz implements ITypeConverter<Double> {
        @Override public Double convert(String s) { return Quantity.frequencyHz(s); }
    }

    /** Energy → eV ("0.3eV", "30kJ/mol"). */
    public static final class EnergyEv implements ITypeConverter<Double> {
        @Override public Double convert(String s) { return Quantity.energyEv(s); }
    }

    /** Pressure → GPa ("1bar", "0GPa"). */
    public static final class PressureGPa implements ITypeConverter<Double> {
        @Override public Double convert(String s) { return Quantity.pressureGPa(s); }
    }
}
