package org.paddlewheel.cli.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.paddlewheel.experiment.diffraction.TofConversion;
import org.paddlewheel.model.InputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code paddlewheel tof --zero Z --difc C --difa A (--d D | --tof T)}: neutron time-of-flight ↔
 * d-spacing with TOF = ZERO + DIFC·d + DIFA·d² (the paper's Eq. 2); also {@code diffraction tof-to-d}
 * and {@code diffraction d-to-tof}.
 */
@Command(name = "tof", mixinStandardHelpOptions = true,
        description = "Neutron TOF (µs) ↔ d-spacing (Å): TOF = ZERO + DIFC·d + DIFA·d² (GSAS convention; paper Eq. 2).")
public class TofCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @Mixin Output output;

    @Option(names = "--zero", defaultValue = "0", paramLabel = "µs", description = "ZERO in µs. Default: ${DEFAULT-VALUE}.")
    double zero;

    @Option(names = "--difc", paramLabel = "µs/Å", description = "DIFC in µs/Å (or give --flight-path and --two-theta).")
    Double difc;

    @Option(names = "--difa", defaultValue = "0", paramLabel = "µs/Å²", description = "DIFA in µs/Å². Default: ${DEFAULT-VALUE}.")
    double difa;

    @Option(names = "--flight-path", paramLabel = "m", description = "Total flight path L in metres, to compute DIFC = 252.778·L·2sinθ.")
    Double flightPathM;

    @Option(names = "--two-theta", paramLabel = "DEG", description = "Detector angle 2θ in degrees, with --flight-path.")
    Double twoThetaDeg;

    @Option(names = "--d", split = ",", paramLabel = "Å", description = "d-spacing(s) in Å → TOF.")
    List<Double> d;

    @Option(names = "--tof", split = ",", paramLabel = "µs", description = "Time(s) of flight in µs → d.")
    List<Double> tof;

    @Override
    public Integer call() {
        if ((d == null) == (tof == null)) throw new InputException("give exactly one of --d or --tof");
        double c;
        if (difc != null) c = difc;
        else if (flightPathM != null && twoThetaDeg != null) c = TofConversion.difc(flightPathM, twoThetaDeg);
        else throw new InputException("give --difc, or --flight-path and --two-theta");
        TofConversion conv;
        try {
            conv = new TofConversion(zero, c, difa);
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage());
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (double v : d != null ? d : tof) {
            Map<String, Object> m = Output.map();
            try {
                m.put("d_A", d != null ? v : conv.d(v));
                m.put("tof_us", d != null ? conv.tof(v) : v);
            } catch (IllegalArgumentException e) {
                throw new InputException(e.getMessage());
            }
            rows.add(m);
        }
        Map<String, Object> out = Output.map();
        out.put("ZERO_us", zero);
        out.put("DIFC_us_per_A", c);
        out.put("DIFA_us_per_A2", difa);
        if (rows.size() == 1) out.putAll(rows.get(0));
        out.put("results", rows);
        var w = spec.commandLine().getOut();
        if (output.json()) {
            Output.printJson(w, out);
        } else {
            for (Map<String, Object> r : rows) w.printf(Locale.ROOT, "d = %.6f Å  TOF = %.4f µs%n", (Double) r.get("d_A"), (Double) r.get("tof_us"));
            w.flush();
        }
        return 0;
    }
}
