package org.paddlewheel.experiment.impedance;

import java.util.Arrays;
import java.util.List;

/**
 * BioLogic EC-Lab text export ({@code .mpt}; the paper's VMP3 writes it): an optional header whose
 * second line reads {@code Nb header lines : N}, then a tab-separated table whose header line
 * (line N) names the columns {@code freq/Hz}, {@code Re(Z)/Ohm} and {@code -Im(Z)/Ohm} (the
 * imaginary column is −Im Z). Columns are found by name, as impedance.py does; a missing
 * column is an error at the header line. Decimal commas (some locales) are accepted.
 */
final class BioLogicFormat {
    private BioLogicFormat() {}

    static ImpedanceTable read(TextLines t) {
        int headerLine = 0;
        if (t.size() > 1 && t.get(0).trim().toUpperCase().startsWith("EC-LAB ASCII FILE")) {
            String l = t.get(1);
            int colon = l.indexOf(':');
            if (!l.toLowerCase().contains("header lines") || colon < 0) throw t.error(1, "expected 'Nb header lines : N'");
            int n = (int) t.number(l.substring(colon + 1), 1, "the number of header lines");
            if (n < 1 || n > t.size()) throw t.error(1, "header line count " + n + " is outside the file");
            headerLine = n - 1;
        }
        List<String> cols = Arrays.stream(t.get(headerLine).split("\t")).map(String::trim).toList();
        int fc = cols.indexOf("freq/Hz"), rc = cols.indexOf("Re(Z)/Ohm"), ic = cols.indexOf("-Im(Z)/Ohm");
        boolean negated = true;
        if (ic < 0 && cols.indexOf("Im(Z)/Ohm") >= 0) {
            ic = cols.indexOf("Im(Z)/Ohm");
            negated = false;
        }
        String missing = fc < 0 ? "freq/Hz" : rc < 0 ? "Re(Z)/Ohm" : ic < 0 ? "-Im(Z)/Ohm" : null;
        if (missing != null) throw t.error(headerLine, "EC-Lab column '" + missing + "' not found in the column header");
        ImpedanceTable table = new ImpedanceTable(t, "BioLogic .mpt", negated);
        for (int i = headerLine + 1; i < t.size(); i++) {
            String line = t.get(i);
            if (line.isBlank()) continue;
            String[] tok = line.split("\t");
            int need = Math.max(fc, Math.max(rc, ic));
            if (tok.length <= need) throw t.error(i, "expected at least " + (need + 1) + " tab-separated columns, found " + tok.length);
            table.add(i, t.number(tok[fc], i, "freq/Hz"), t.number(tok[rc], i, "Re(Z)/Ohm"), t.number(tok[ic], i, "-Im(Z)/Ohm"));
        }
        return table;
    }
}
