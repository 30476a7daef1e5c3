package org.paddlewheel.cli.experiment;

import org.paddlewheel.cli.Converters;
import org.paddlewheel.experiment.nmr.Nucleus;
import org.paddlewheel.experiment.nmr.QuadrupolarLineshape;
import org.paddlewheel.model.InputException;
import picocli.CommandLine.Option;

/**
 * The options {@code nmr lineshape} and {@code nmr fit-lineshape} share (a picocli mixin): the
 * nucleus, the Larmor frequency ν0 (Hz), static or fast MAS (rate in Hz) and a fixed Gaussian
 * broadening (FWHM, Hz); builds the checked {@link Nucleus} and the {@link QuadrupolarLineshape}
 * (central transition of a half-integer spin, second-order quadrupolar).
 */
public final class SpectrometerOptions {
    @Option(names = "--nucleus", required = true, paramLabel = "NUC", description = "Half-integer quadrupolar nucleus, e.g. 23Na, 11B, 27Al.")
    String nucleus;

    @Option(names = "--larmor", required = true, paramLabel = "FREQ", converter = Converters.FrequencyHz.class, description = "Larmor frequency ν0 (e.g. 105.8MHz).")
    double larmorHz;

    @Option(names = "--mas", paramLabel = "FREQ", converter = Converters.FrequencyHz.class,
            description = "Magic-angle spinning rate (e.g. 10kHz): fast-spinning centreband (no sidebands). Omit for a static spectrum.")
    Double masHz;

    @Option(names = "--gb", defaultValue = "0Hz", paramLabel = "FREQ", converter = Converters.FrequencyHz.class, description = "Gaussian broadening FWHM (fixed). Default: ${DEFAULT-VALUE}.")
    double gbHz;

    /** The nucleus, checked to have a central transition; also checks ν0 > 0. */
    Nucleus nucleus() {
        Nucleus nuc = Nucleus.of(nucleus);
        if (Math.abs(nuc.spin() - Math.floor(nuc.spin()) - 0.5) > 1e-9 || nuc.spin() < 1.5) {
            throw new InputException(nuc.label() + " has integer spin " + nuc.spin() + ": no central transition; use a half-integer nucleus");
        }
        if (!(larmorHz > 0)) throw new InputException("--larmor must be > 0");
        return nuc;
    }

    /** The lineshape model for this nucleus and spinning mode with {@code orientations} points in cos β. */
    QuadrupolarLineshape lineshape(int orientations) { return new QuadrupolarLineshape(nucleus().spin(), masHz != null, orientations); }

    /** Larmor frequency, Hz. */
    double larmorHz() { return larmorHz; }

    /** MAS rate in Hz, or null for static. */
    Double masHz() { return masHz; }

    /** Gaussian FWHM, Hz. */
    double gbHz() { return gbHz; }

    /** "static" or "mas". */
    String mode() { return masHz == null ? "static" : "mas"; }
}
