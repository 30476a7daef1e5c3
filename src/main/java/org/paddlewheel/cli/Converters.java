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

    /** Plane-wave cut-off in Rydberg: "800Ry", "800 Ry", a bare number (Ry), or any energy unit ("10.9keV"). */
    public static final class CutoffRy implements ITypeConverter<Double> {
        /** 1 Ry in eV (CODATA 2018). */
        static final double RY_EV = 13.605693122994;

        @Override public Double convert(String s) {
            String t = s.trim();
            String num = t.endsWith("Ry") ? t.substring(0, t.length() - 2).trim() : t;
            double v;
            try {
                v = Double.parseDouble(num);
            } catch (NumberFormatException e) {
                v = Quantity.energyEv(t) / RY_EV;
            }
            if (!(v > 0) || !Double.isFinite(v)) throw new org.paddlewheel.model.InputException("expected a positive cut-off such as 800Ry, got '" + s + "'");
            return v;
        }
    }

    /** Voltage → V ("10mV"). */
    public static final class VoltageV implements ITypeConverter<Double> {
        @Override public Double convert(String s) { return Quantity.voltageV(s); }
    }

    /** Current → A ("2.5uA"). */
    public static final class CurrentA implements ITypeConverter<Double> {
        @Override public Double convert(String s) { return Quantity.currentA(s); }
    }

    /** Resistance → Ω ("120Ω", "3.2kohm"). */
    public static final class ResistanceOhm implements ITypeConverter<Double> {
        @Override public Double convert(String s) { return Quantity.resistanceOhm(s); }
    }

    /** Mass → g ("5.2mg"). */
    public static final class MassG implements ITypeConverter<Double> {
        @Override public Double convert(String s) { return Quantity.massG(s); }
    }
}
