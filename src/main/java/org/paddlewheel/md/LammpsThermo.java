package org.paddlewheel.md;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.paddlewheel.io.AtomicFile;
import org.paddlewheel.model.InputException;

/**
 * {@code thermo.csv} from the log of a run exported by {@code LammpsExport} ({@code units metal},
 * {@code thermo_style custom step time c_mobileT pe ke etotal press vol}), in the embedded
 * engine's columns: step, time_ps, T_K, Epot_eV, Ekin_eV, Etot_eV, P_GPa (= bar × 10⁻⁴), volume_A3.
 */
final class LammpsThermo {
    private LammpsThermo() {}

    static final String HEADER = "step,time_ps,T_K,Epot_eV,Ekin_eV,Etot_eV,P_GPa,volume_A3";

    /** Writes {@code csv} from the first thermo block of {@code log}; a log without one is an error naming it. */
    static void writeCsv(Path log, Path csv) throws IOException {
        List<String> lines = Files.readAllLines(log);
        int h = -1;
        for (int i = 0; i < lines.size(); i++) {
            String[] w = lines.get(i).trim().split("\\s+");
            if (w.length == 8 && w[0].equals("Step") && w[1].equals("Time")) { h = i; break; }
        }
        if (h < 0) throw new InputException(log.toString(), 0, "no thermo block 'Step Time c_mobileT PotEng KinEng TotEng Press Volume'");
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (int i = h + 1; i < lines.size(); i++) {
            String[] w = lines.get(i).trim().split("\\s+");
            if (w.length != 8) break;
            double[] v = new double[8];
            try {
                for (int k = 0; k < 8; k++) v[k] = Double.parseDouble(w[k]);
            } catch (NumberFormatException e) {
                break;                                                  // "Loop time of ..." ends the block
            }
            sb.append(String.format(Locale.ROOT, "%d,%.6f,%.4f,%.8f,%.8f,%.8f,%.6f,%.5f%n", (long) v[0], v[1], v[2], v[3], v[4], v[5],
                    v[6] * 1e-4, v[7]));
        }
        AtomicFile.writeText(csv, w -> w.write(sb.toString()));
    }
}
