package org.paddlewheel.experiment.impedance;

import java.util.Arrays;
import java.util.List;

/**
 * Princeton Applied Research VersaStudio export ({@code .par}): INI/XML-like sections; each
 * {@code <SegmentN>} holds a {@code Definition=} line naming comma-separated columns, among them
 * {@code Frequency(Hz)}, {@code Z Real} and {@code Z Imag} (= Im Z), then one row per line until
 * {@code </SegmentN>}. Rows of every segment that has these columns are read.
 */
final class VersaStudioFormat {
    private VersaStudioFormat() {}

    static ImpedanceTable read(TextLines t) {
        ImpedanceTable table = new ImpedanceTable(t, "VersaStudio .par", false);
        int fc = -1, rc = -1, ic = -1;
        boolean inSegment = false;
        for (int i = 0; i < t.size(); i++) {
            String line = t.get(i).trim();
            if (line.matches("<Segment\\d+>")) {
                inSegment = true;
                fc = rc = ic = -1;
                continue;
            }
            if (line.matches("</Segment\\d+>")) {
                inSegment = false;
                continue;
            }
            if (!inSegment) continue;
            if (line.startsWith("Definition=")) {
                List<String> cols = Arrays.stream(line.substring("Definition=".length()).split(",")).map(String::trim).toList();
                fc = cols.indexOf("Frequency(Hz)");
                rc = cols.indexOf("Z Real");
                ic = cols.indexOf("Z Imag");
                continue;
            }
            if (line.isEmpty() || line.contains("=") || fc < 0 || rc < 0 || ic < 0) continue;
            String[] tok = line.split(",");
            if (tok.length <= Math.max(fc, Math.max(rc, ic))) throw t.error(i, "segment row has " + tok.length + " columns, fewer than its Definition");
            table.add(i, t.number(tok[fc], i, "Frequency(Hz)"), t.number(tok[rc], i, "Z Real"), t.number(tok[ic], i, "Z Imag"));
        }
        if (table.rows.isEmpty()) throw t.error(0, "no <Segment> with Frequency(Hz), Z Real and Z Imag columns: not a VersaStudio EIS file");
        return table;
    }
}
