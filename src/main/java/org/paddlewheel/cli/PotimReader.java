package org.paddlewheel.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.paddlewheel.io.CompressedInput;
import org.paddlewheel.model.InputException;

/**
 * VASP's MD time step, POTIM (fs), from the INCAR or OUTCAR beside an XDATCAR (the XDATCAR itself
 * stores configuration numbers only). INCAR: {@code POTIM = 0.5} (comments after ! or # ignored,
 * several tags per line separated by ;); OUTCAR: {@code POTIM  =    0.50    time-step for
 * ionic-motion}. Compressed copies (INCAR.gz, OUTCAR.xz, …) are read too. A value that is not a
 * positive number is an error at its line.
 */
final class PotimReader {
    private PotimReader() {}

    /** A time step and the file it came from. */
    record Found(double timestepFs, Path file) {}

    private static final Pattern POTIM = Pattern.compile("(?i)(?:^|[;\\s])POTIM\\s*=\\s*([^\\s;!#]+)");

    /** POTIM from INCAR*, then OUTCAR*, in the trajectory's folder; null when neither has it. */
    static Found beside(Path trajectory) {
        Path dir = trajectory.toAbsolutePath().getParent();
        if (dir == null) return null;
        for (String base : new String[] {"INCAR", "OUTCAR"}) {
            for (String suffix : new String[] {"", ".gz", ".xz", ".bz2"}) {
                Path p = dir.resolve(base + suffix);
                if (!Files.isRegularFile(p)) continue;
                Found f = read(p);
                if (f != null) return f;
            }
        }
        return null;
    }

    /** POTIM from one INCAR or OUTCAR, or null when it has none. */
    static Found read(Path file) {
        List<String> lines = CompressedInput.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            int bang = l.indexOf('!'), hash = l.indexOf('#');
            int cut = Math.min(bang < 0 ? l.length() : bang, hash < 0 ? l.length() : hash);
            Matcher m = POTIM.matcher(l.substring(0, cut));
            if (!m.find()) continue;
            double v;
            try {
                v = Double.parseDouble(m.group(1));
            } catch (NumberFormatException e) {
                throw new InputException(file.toString(), i + 1, "expected a number after POTIM =, got '" + m.group(1) + "'");
            }
            if (!(v > 0) || !Double.isFinite(v)) throw new InputException(file.toString(), i + 1, "POTIM must be a positive time step in fs, got " + v);
            return new Found(v, file);
        }
        return null;
    }
}
