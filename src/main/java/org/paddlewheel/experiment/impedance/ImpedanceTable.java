package org.paddlewheel.experiment.impedance;

import java.util.ArrayList;
import java.util.List;

/**
 * Rows read from an instrument file before the sign convention is settled: frequency (Hz), Z'
 * (Ω) and the imaginary column as stored, with what the format declares about its sign
 * ({@code imagNegated}: true = the column is −Im Z, false = Im Z, null = unknown).
 * Rows with f = 0 and Z = 0 (DC records that Parstat interleaves) are dropped; any other f ≤ 0
 * is an error at its line.
 */
final class ImpedanceTable {
    private final TextLines text;
    final List<double[]> rows = new ArrayList<>();
    Boolean imagNegated;
    String format;

    ImpedanceTable(TextLines text, String format, Boolean imagNegated) {
        this.text = text;
        this.format = format;
        this.imagNegated = imagNegated;
    }

    /** Adds a row read from 0-based line i. */
    void add(int i, double f, double re, double im) {
        if (f == 0 && re == 0 && im == 0) return;
        if (!(f > 0) || !Double.isFinite(f)) throw text.error(i, "frequency must be > 0 Hz, got " + f);
        if (!Double.isFinite(re) || !Double.isFinite(im)) throw text.error(i, "impedance is not finite");
        rows.add(new double[] {f, re, im});
    }

    Spectrum toSpectrum(ImagSign sign) {
        if (rows.isEmpty()) throw text.error(Math.max(0, text.size() - 1), "no impedance data found (" + format + ")");
        int n = rows.size();
        double[] f = new double[n], re = new double[n], im = new double[n];
        for (int i = 0; i < n; i++) {
            f[i] = rows.get(i)[0];
            re[i] = rows.get(i)[1];
            im[i] = rows.get(i)[2];
        }
        sign.apply(im, imagNegated);
        return new Spectrum(text.source, f, re, im);
    }
}
