package org.paddlewheel.forcefield.fit;

import java.util.List;
import java.util.Map;
import org.paddlewheel.cp2k.GpwGrid;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.Lattice;

/**
 * A correction to CP2K GPW data, not part of the model ({@code fit-ff --cutoff-correction Na,...}): one
 * unknown c_el (eV per Ry per atom) for each named element, for the change of the total energy with the
 * cut-off that a cell's grid actually reaches. The data are modelled as
 * E_data = E_model + Σ_el c_el N_el (Ē_eff − E_nom), with Ē_eff the mean of the effective cut-offs
 * (π n_i/|a_i|)² of the frame's grid ({@link GpwGrid}; n_i fixed, |a_i| the cell vectors) and E_nom the nominal
 * cut-off: so the model describes every cell at one and the same cut-off. On a fixed grid a strain changes
 * the effective cut-off, ∂E_eff,i/∂ε_ab = −2 E_eff,i u_ia u_ib (u_i = a_i/|a_i|), so the same term adds the
 * stress (ASE sign, σ = V⁻¹ ∂E/∂ε) σ_ab = −(2/3) Σ_el c_el N_el Σ_i E_eff,i u_ia u_ib / V (in an orthogonal cell
 * σ_ii = −(2/3) Σ c N E_eff,i / V and no shear) and no force: the fixed-grid
 * (Pulay-like) pressure P = (2/3) Σ c N Ē_eff / V, negative for c &lt; 0, that forcefields/dft/README.md
 * measured as P(800 Ry) − P(1600 Ry) = −1.05 GPa. Frames without a CP2K grid (no {@code cp2k_grid} and
 * no "GPW … Ry" in {@code level_of_theory}) get zero columns.
 */
final class CutoffCorrectionColumns {
    private final List<Element> elements;
    private final int start;

    CutoffCorrectionColumns(List<Element> elements, int start) {
        this.elements = List.copyOf(elements);
        this.start = start;
    }

    int start() { return start; }
    int end() { return start + elements.size(); }
    boolean on() { return !elements.isEmpty(); }
    List<Element> elements() { return elements; }

    /**
     * Adds the columns of one frame: energy (not yet divided by N) and stress rows xx yy zz [xy xz yz] (ASE sign, eV/Å³ per eV/Ry).
     *
     * @param info     the frame's info (grid, level of theory)
     * @param original the frame's own lattice (the grid belongs to it)
     * @param species  the atoms the rows describe (a widened frame's replicas included)
     * @param volume   the volume of those atoms' cell, Å³
     */
    void addRows(Map<String, String> info, Lattice original, Element[] species, double volume, double[] eRow, double[][] sRows) {
        if (!on()) return;
        GridCutoff g = GridCutoff.of(info, original);
        if (g == null) return;
        for (int k = 0; k < elements.size(); k++) {
            int count = 0;
            for (Element e : species) if (e == elements.get(k)) count++;
            eRow[start + k] += count * (g.meanRy() - g.nominalRy());
            if (sRows != null) for (int m = 0; m < sRows.length; m++) sRows[m][start + k] += count * g.dMeanDStrain()[m] / volume;
        }
    }

    /**
     * A frame's grid as cut-offs: the mean effective cut-off Ē_eff (Ry) of its grid, the nominal one, and ∂Ē_eff/∂ε_ab
     * on that fixed grid (rows xx yy zz xy xz yz, Ry): ∂E_eff,i/∂ε_ab = −2 E_eff,i u_ia u_ib, u_i the unit cell vector.
     */
    record GridCutoff(double meanRy, double nominalRy, double[] dMeanDStrain) {
        /** The grid of a frame with this info and lattice, or null for a frame that names no CP2K GPW grid. */
        static GridCutoff of(Map<String, String> info, Lattice original) {
            double[][] lat = original.rows();
            int[] grid = GpwGrid.ofFrame(info, lat);
            double nominal = GpwGrid.nominalCutoffRy(info);
            if (grid == null || Double.isNaN(nominal)) return null;
            double[] eff = GpwGrid.effectiveCutoffsRy(lat, grid);
            int[][] ab = {{0, 0}, {1, 1}, {2, 2}, {0, 1}, {0, 2}, {1, 2}};
            double[] dMean = new double[6];
            for (int i = 0; i < 3; i++) {
                double len2 = lat[i][0] * lat[i][0] + lat[i][1] * lat[i][1] + lat[i][2] * lat[i][2];
                for (int m = 0; m < 6; m++) dMean[m] += -2.0 / 3 * eff[i] * lat[i][ab[m][0]] * lat[i][ab[m][1]] / len2;
            }
            return new GridCutoff((eff[0] + eff[1] + eff[2]) / 3, nominal, dMean);
        }
    }
}
