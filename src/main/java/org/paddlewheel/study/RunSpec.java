package org.paddlewheel.study;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param phase             null for the cubic antiperovskite (n×n×n cubic cells; left out of the JSON, so
 *                          run keys of cubic runs are those of studies written before phases existed),
 *                          or {@value #PBCM}: the orthorhombic x = 1 cell of {@code build antiperovskite
 *                          --phase pbcm}, repeated n×n×1 (the paper's AIMD cell is 2×2×1, 160 atoms)
 */
public record RunSpec(double x, double temperatureK, Frozen frozen, long seed, int supercell,
                      double equilibrationFs, double productionFs, double timestepFs, org.paddlewheel.md.Ensemble ensemble,
                      double frictionPerPs, double latticeMassAmu, double pressureGPa, double frameIntervalFs,
                      @JsonInclude(JsonInclude.Include.NON_NULL) String phase) {
    /** The orthorhombic phase's name. */
    public static final String PBCM = "pbcm";

    public RunSpec {
        if ("cubic".equals(phase)) phase = null;
        if (phase != null && !PBCM.equals(phase)) throw new IllegalArgumentException("phase must be cubic or pbcm, got " + phase);
        if (PBCM.equals(phase) && x != 1) throw new IllegalArgumentException("the Pbcm phase exists only for x = 1");
        if (!(x >= 0 && x <= 1)) throw new IllegalArgumentException("x must lie in [0, 1], got " + x);
        if (!(temperatureK > 0)) throw new IllegalArgumentException("temperature must be > 0 K");
        if (supercell < 1) throw new IllegalArgumentException("supercell must be ≥ 1");
        if (!(productionFs > 0 && timestepFs > 0 && equilibrationFs >= 0 && frameIntervalFs > 0)) {
            throw new IllegalArgumentException("times must be positive");
        }
    }

    /** Human-readable label: {@code x1.00_T500K_free_s1}, {@code pbcm_x1.00_T300K_free_s1}. */
    public String label() {
        return condition() + "_s" + seed;
    }

    /** The condition without the seed (runs of one condition are pooled): {@code x1.00_T500K_free}. */
    public String condition() {
        return (isPbcm() ? PBCM + "_" : "") + String.format(Locale.ROOT, "x%.2f_T%.0fK_%s", x, temperatureK, frozen.label());
    }

    /** True for the orthorhombic phase. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isPbcm() { return PBCM.equals(phase); }

    /** Copy in another phase ({@code null} or "cubic", or {@value #PBCM}). */
    public RunSpec withPhase(String p) {
        return new RunSpec(x, temperatureK, frozen, seed, supercell, equilibrationFs, productionFs, timestepFs, ensemble,
                frictionPerPs, latticeMassAmu, pressureGPa, frameIntervalFs, p);
    }

    /** Production steps. */
    public long productionSteps() { return Math.round(productionFs / timestepFs); }

    /** Copy with another seed. */
    public RunSpec withSeed(long s) {
        return new RunSpec(x, temperatureK, frozen, s, supercell, equilibrationFs, productionFs, timestepFs, ensemble,
                frictionPerPs, latticeMassAmu, pressureGPa, frameIntervalFs, phase);
    }

    /** Copy with another frozen species. */
    public RunSpec withFrozen(Frozen f) {
        return new RunSpec(x, temperatureK, f, seed, supercell, equilibrationFs, productionFs, timestepFs, ensemble,
                frictionPerPs, latticeMassAmu, pressureGPa, frameIntervalFs, phase);
    }

    /** Copy at another composition and temperature. */
    public RunSpec at(double newX, double newTemperatureK) {
        return new RunSpec(newX, newTemperatureK, frozen, seed, supercell, equilibrationFs, productionFs, timestepFs,
                ensemble, frictionPerPs, latticeMassAmu, pressureGPa, frameIntervalFs, phase);
    }
}
