package org.paddlewheel.study;

import java.util.Locale;

/**
 * One independent MD run of a campaign: composition x of Na(3−x)O(1−x)(NH2)x(BH4), temperature,
 * frozen species, seed, supercell, equilibration and production times, timestep and ensemble with
 * the thermostat/barostat settings. Times fs, temperature K, friction 1/ps, lattice mass amu,
 * pressure GPa. A value type: two equal specs describe the same run.
 *
 * @param x                 substitution fraction x ∈ [0, 1]
 * @param temperatureK      target temperature, K
 * @param frozen            species held fixed
 * @param seed              seed for the structure (vacancy/amide placement) and the dynamics
 * @param supercell         n for an n×n×n supercell of the cubic cell
 * @param equilibrationFs   equilibration time before production, fs
 * @param productionFs      production time, fs
 * @param timestepFs        MD timestep, fs
 * @param ensemble          NPT, NVT or NVE (JSON "npt", "nvt", "nve")
 * @param frictionPerPs     Langevin friction for atoms and lattice, 1/ps (paper: 10)
 * @param latticeMassAmu    Parrinello–Rahman lattice mass, amu (paper: 1000)
 * @param pressureGPa       target pressure for npt, GPa
 * @param frameIntervalFs   time between saved trajectory frames, fs
 */
public record RunSpec(double x, double temperatureK, Frozen frozen, long seed, int supercell,
                      double equilibrationFs, double productionFs, double timestepFs, org.paddlewheel.md.Ensemble ensemble,
                      double frictionPerPs, double latticeMassAmu, double pressureGPa, double frameIntervalFs) {
    public RunSpec {
        if (!(x >= 0 && x <= 1)) throw new IllegalArgumentException("x must lie in [0, 1], got " + x);
        if (!(temperatureK > 0)) throw new IllegalArgumentException("temperature must be > 0 K");
        if (supercell < 1) throw new IllegalArgumentException("supercell must be ≥ 1");
        if (!(productionFs > 0 && timestepFs > 0 && equilibrationFs >= 0 && frameIntervalFs > 0)) {
            throw new IllegalArgumentException("times must be positive");
        }
    }

    /** Human-readable label: {@code x1.00_T500K_free_s1}. */
    public String label() {
        return String.format(Locale.ROOT, "x%.2f_T%.0fK_%s_s%d", x, temperatureK, frozen.label(), seed);
    }

    /** The condition without the seed (runs of one condition are pooled): {@code x1.00_T500K_free}. */
    public String condition() {
        return String.format(Locale.ROOT, "x%.2f_T%.0fK_%s", x, temperatureK, frozen.label());
    }

    /** Production steps. */
    public long productionSteps() { return Math.round(productionFs / timestepFs); }

    /** Copy with another seed. */
    public RunSpec withSeed(long s) {
        return new RunSpec(x, temperatureK, frozen, s, supercell, equilibrationFs, productionFs, timestepFs, ensemble,
                frictionPerPs, latticeMassAmu, pressureGPa, frameIntervalFs);
    }

    /** Copy with another frozen species. */
    public RunSpec withFrozen(Frozen f) {
        return new RunSpec(x, temperatureK, f, seed, supercell, equilibrationFs, productionFs, timestepFs, ensemble,
                frictionPerPs, latticeMassAmu, pressureGPa, frameIntervalFs);
    }

    /** Copy at another composition and temperature. */
    public RunSpec at(double newX, double newTemperatureK) {
        return new RunSpec(newX, newTemperatureK, frozen, seed, supercell, equilibrationFs, productionFs, timestepFs,
                ensemble, frictionPerPs, latticeMassAmu, pressureGPa, frameIntervalFs);
    }
}
