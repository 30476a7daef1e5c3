package org.paddlewheel.experiment.impedance;

/**
 * Scribner ZPlot/ZView export ({@code .z}): a header (ZPlot2 ASCII with a comment block ending
 * at {@code End Comments}, or the older ZPlotW form whose last header line names the columns
 * {@code Freq(Hz) Ampl Bias Time(Sec) Z'(a) Z''(b) ...}), then rows separated by tabs or commas.
 * Columns 1, 5 and 6 are f (Hz), Z' and Z'' = Im Z (Ω), as in impedance.py's reader.
 */
final class ZPlotFormat {
    private ZPlotFormat() {}

    static ImpedanceTable read(TextLines t) {
        int start = -1;
        for (int i = 0; i < t.size(); i++) {
            if (t.get(i).contains("End Comments")) {
                start = i + 1;
                break;
            }
        }
        if (start < 0) {
            for (int i = 0; i < t.size(); i++) if (t.get(i).contains("Freq(Hz)")) start = i + 1;
        }
        if (start < 0) throw t.error(0, "neither 'End Comments' nor a 'Freq(Hz)' column header found: not a ZPlot .z file");
        ImpedanceTable table = new ImpedanceTable(t, "ZPlot .z", false);
        for (int i = start; i < t.size(); i++) {
            String line = t.get(i);
            if (line.isBlank()) continue;
            String[] tok = line.trim().split("\\s*[\t,]\\s*");
            if (tok.length < 6) throw t.error(i, "expected at least 6 columns (Freq, Ampl, Bias, Time, Z', Z''), found " + tok.length);
            table.add(i, t.number(tok[0], i, "Freq(Hz)"), t.number(tok[4], i, "Z'"), t.number(tok[5], i, "Z''"));
        }
        return table;
    }
}
