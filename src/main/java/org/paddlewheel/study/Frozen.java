package org.paddlewheel.study;

/**
 * Which species a run holds fixed (the paper's "artificially frozen" simulations, Figure 3D–F):
 * nothing, the sodium cations, the amide anions or the borohydride anions. {@link #cliName()} is
 * the value the MD engine's {@code --freeze} option takes.
 */
public enum Frozen {
    NONE("none"), NA("Na"), NH2("NH2"), BH4("BH4");

    private final String cliName;

    Frozen(String cliName) { this.cliName = cliName; }

    /** The engine's spelling ("Na", "NH2", "BH4"); "none" for {@link #NONE}. */
    public String cliName() { return cliName; }

    /** Short label for folder names and plot legends: "free", "Na-frozen", … */
    public String label() { return this == NONE ? "free" : cliName + "-frozen"; }
}
