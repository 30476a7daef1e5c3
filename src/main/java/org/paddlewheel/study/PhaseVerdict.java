package org.paddlewheel.study;

/**
 * What a two-phase (solid | liquid) run did at one temperature, judged from its solid fraction φ(t)
 * (fraction of slabs whose order parameter is above the crystal/liquid threshold): φ₀ is the first
 * frame after release, φ_end the mean over the last quarter of the frames, σ the standard deviation
 * of φ over that quarter (its frame-to-frame noise). With Δ = φ_end − φ₀ and a smallest meaningful
 * change δ = max(2σ, 1/n_slabs) (one whole slab: a flickering interface slab is no growth), the
 * verdict is {@link #SOLID_GROWS} for Δ ≥ δ, {@link #MELTS} for Δ ≤ −δ, else {@link #UNDECIDED}.
 */
public enum PhaseVerdict {
    SOLID_GROWS("solid grows"), MELTS("melts"), UNDECIDED("undecided");

    private final String text;

    PhaseVerdict(String text) { this.text = text; }

    /** The words used in melting.json. */
    public String text() { return text; }

    /** φ₀, φ_end, σ and the verdict of one solid-fraction series. */
    public record Judgement(double start, double end, double sigma, double smallestChange, PhaseVerdict verdict) {}

    /**
     * Judges a solid-fraction series (one value per frame, first = release) of a cell cut into
     * {@code slabs} slabs.
     */
    public static Judgement judge(double[] solidFraction, int slabs) {
        int n = solidFraction.length;
        if (n < 2) throw new IllegalArgumentException("a verdict needs at least two frames, got " + n);
        int w = Math.max(1, n / 4);
        double mean = 0;
        for (int i = n - w; i < n; i++) mean += solidFraction[i];
        mean /= w;
        double var = 0;
        for (int i = n - w; i < n; i++) var += (solidFraction[i] - mean) * (solidFraction[i] - mean);
        double sigma = w > 1 ? Math.sqrt(var / (w - 1)) : 0;
        double start = solidFraction[0];
        double delta = Math.max(2 * sigma, 1.0 / slabs) - 1e-12;
        double change = mean - start;
        PhaseVerdict v = change >= delta ? SOLID_GROWS : change <= -delta ? MELTS : UNDECIDED;
        return new Judgement(start, mean, sigma, delta + 1e-12, v);
    }
}
