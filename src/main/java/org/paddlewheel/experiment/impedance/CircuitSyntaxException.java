package org.paddlewheel.experiment.impedance;

import org.paddlewheel.model.InputException;

/**
 * A circuit string that does not parse. The message names the string, the 0-based index of the
 * offending character and shows the string with a caret ({@code ^}) inserted before it, e.g.
 * {@code circuit 'R0-p(R1,X1)' at index 8: unknown element 'X1' ...: R0-p(R1,^X1)}.
 */
public final class CircuitSyntaxException extends InputException {
    private final String circuit;
    private final int index;

    public CircuitSyntaxException(String circuit, int index, String message) {
        super("--circuit", 0, "circuit '" + circuit + "' at index " + index + ": " + message + ": "
                + circuit.substring(0, Math.min(index, circuit.length())) + "^" + circuit.substring(Math.min(index, circuit.length())));
        this.circuit = circuit;
        this.index = index;
    }

    /** The circuit string. */
    public String circuit() { return circuit; }

    /** 0-based index of the offending character (the string's length when it ended too early). */
    public int index() { return index; }
}
