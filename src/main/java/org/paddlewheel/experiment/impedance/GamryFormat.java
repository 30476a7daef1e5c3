package org.paddlewheel.experiment.impedance;

import java.util.Arrays;
import java.util.List;

/**
 * Gamry Framework export ({@code .DTA}): tagged header lines, then a {@code ZCURVE TABLE} whose
 * next two lines are column names ({@code Pt Time Freq Zreal Zimag ...}) and units, followed by
 * tab-indented rows. Zimag is Im Z. The table ends at the first line that is not an indented row
 * (an aborted run continues with {@code EXPERIMENTABORTED} and further tables). The last ZCURVE
 * of the file is read.
 */
final class GamryFormat {
    private GamryFormat() {}

    static ImpedanceTable read(TextLines t) {
        int z = -1;
        for (int i = 0; i < t.size(); i++) if (t.get(i).startsWith("ZCURVE")) z = i;
        if (z < 0) throw t.error(0, "no ZCURVE table: not a Gamry EIS file");
        if (z + 2 >= t.size()) throw t.error(z, "ZCURVE table has no column header");
        List<String> cols = Arrays.stream(t.get(z + 1).trim().split("\t")).map(String::trim).toList();
        int fc = cols.indexOf("Freq"), rc = cols.indexOf("Zreal"), ic = cols.indexOf("Zimag");
        if (fc < 0 || rc < 0 || ic < 0) throw t.error(z + 1, "expected columns Freq, Zreal and Zimag in the ZCURVE header");
        ImpedanceTable table = new ImpedanceTable(t, "Gamry .DTA", false);
        for (int i = z + 3; i < t.size(); i++) {
            String line = t.get(i);
            if (!line.startsWith("\t") && !line.startsWith(" ")) break;
            if (line.isBlank()) break;
            String[] tok = line.trim().split("\t");
            if (tok.length <= Math.max(fc, Math.max(rc, ic))) throw t.error(i, "ZCURVE row has " + tok.length + " columns, header has " + cols.size());
            table.add(i, t.number(tok[fc], i, "Freq"), t.number(tok[rc], i, "Zreal"), t.number(tok[ic], i, "Zimag"));
        }
        return table;
    }
}
