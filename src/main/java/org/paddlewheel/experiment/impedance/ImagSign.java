package org.paddlewheel.experiment.impedance;

/**
 * How a file stores the imaginary part of Z: the sign that capacitive points (arcs above the
 * real axis in the usual Nyquist plot) have in the file. {@link #NEGATIVE}: the column is Z'' = Im Z
 * (capacitive points negative; Gamry, ZPlot, Autolab, CH Instruments, impedance.py CSV);
 * {@link #POSITIVE}: the column is −Z'' (BioLogic's {@code -Im(Z)/Ohm}, many hand-made CSVs);
 * {@link #AUTO}: use what the format or the column header declares, otherwise decide by the
 * majority sign of the column (capacitive behaviour dominates almost every measured spectrum).
 */
public enum ImagSign {
    AUTO, NEGATIVE, POSITIVE;

    /**
     * Converts a raw column to Im Z in place.
     *
     * @param declaredNegated what the format says: true if the column holds −Im Z, false if Im Z, null if unknown
     * @return true if the column was negated
     */
    public boolean apply(double[] column, Boolean declaredNegated) {
        boolean negate = switch (this) {
            case NEGATIVE -> false;
            case POSITIVE -> true;
            case AUTO -> declaredNegated != null ? declaredNegated : detectNegated(column);
        };
        if (negate) for (int i = 0; i < column.length; i++) column[i] = -column[i];
        return negate;
    }

    /** True if more of the non-zero values are positive than negative (so the column is −Im Z). */
    static boolean detectNegated(double[] column) {
        int pos = 0, neg = 0;
        for (double v : column) {
            if (v > 0) pos++;
            else if (v < 0) neg++;
        }
        return pos > neg;
    }
}
