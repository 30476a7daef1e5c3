package org.paddlewheel.experiment.impedance;

import java.util.List;

/**
 * Result of a complex non-linear least-squares fit of a {@link Circuit} to a {@link Spectrum}.
 *
 * @param circuit          the circuit fitted
 * @param names            parameter names ({@code R1}, {@code CPE1_Q}, ...)
 * @param units            parameter units ({@code ohm}, {@code S_s^alpha}, ...)
 * @param values           fitted values in those units
 * @param standardErrors   1σ standard errors from the Jacobian at the optimum,
 *                         √(diag((JᵀJ)⁻¹)·χ²/(2N−P)); 0 for fixed parameters, NaN if not identifiable
 * @param fixed            which parameters were held fixed
 * @param atBound          which parameters ended on a bound (their errors are not meaningful)
 * @param chiSquared       Σ of squared weighted residuals (dimensionless for modulus/proportional weighting, Ω² for unit)
 * @param reducedChiSquared χ²/(2N − P_free)
 * @param weighting        the weighting used
 * @param logParameters    whether the optimiser worked in ln(parameter)
 * @param converged        whether the optimiser met its tolerances (false: iteration limit, best point kept)
 * @param iterations       Levenberg–Marquardt iterations of the best start
 * @param evaluations      model evaluations of the best start
 * @param fromAutomaticStart true if an automatic start ({@link InitialGuess#candidates}) reached a lower χ² than the caller's start
 */
public record FitResult(Circuit circuit, List<String> names, List<String> units, double[] values, double[] standardErrors,
                        boolean[] fixed, boolean[] atBound, double chiSquared, double reducedChiSquared, Weighting weighting,
                        boolean logParameters, boolean converged, int iterations, int evaluations,
                        boolean fromAutomaticStart) {

    /** This result with {@link #fromAutomaticStart} set. */
    FitResult fromAutomaticStart(boolean automatic) {
        return new FitResult(circuit, names, units, values, standardErrors, fixed, atBound, chiSquared, reducedChiSquared,
                weighting, logParameters, converged, iterations, evaluations, automatic);
    }

    /** Value of the named parameter. */
    public double value(String name) {
        int i = circuit.indexOf(name);
        if (i < 0) throw new IllegalArgumentException("no parameter " + name + " in " + circuit.text());
        return values[i];
    }

    /** 1σ standard error of the named parameter. */
    public double error(String name) {
        int i = circuit.indexOf(name);
        if (i < 0) throw new IllegalArgumentException("no parameter " + name + " in " + circuit.text());
        return standardErrors[i];
    }

    /** The fitted model at the given frequencies. */
    public Spectrum model(double[] frequencyHz) {
        return circuit.simulate(values, frequencyHz, "fit");
    }
}
