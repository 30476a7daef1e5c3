package org.paddlewheel.forcefield.fit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import org.paddlewheel.model.InputException;
import org.paddlewheel.relax.Relaxation;

/**
 * One fitted observable of a structure and its weight; the residual of each of its components is
 * weight·(model − target) in the observable's unit. Types:
 * <ul>
 * <li>{@code stress}: the six stress components σ (GPa, xx yy zz xy xz yz) at the experimental
 *     structure (target: a number for the three diagonal ones, default 0, off-diagonals 0) —
 *     "conventional" fitting;</li>
 * <li>{@code pressure}: P = −tr σ/3 (GPa) at the experimental structure (target default 0), for
 *     cells whose anisotropic stress carries no information (orientationally disordered anions);</li>
 * <li>{@code forces}: every force component (eV/Å) at the experimental structure, target 0, each
 *     scaled by 1/√(3N) so the squared residuals sum to weight²·⟨f²⟩ (reported as the RMS force);</li>
 * <li>{@code lattice}: the cell lengths a, b, c (Å, of the cell given in the file, i.e. divided by
 *     the supercell multipliers) after relaxing positions and cell ({@code cell}: isotropic or full)
 *     — "relaxed" fitting;</li>
 * <li>{@code bulk_modulus}: B = −V dP/dV (GPa) by central differences of ±1 % volume about the
 *     relaxed cell with positions relaxed at each volume;</li>
 * <li>{@code stretch_frequency}: ν̃ = √(2K/μ)/(2πc) (cm⁻¹) of a molecule kind's harmonic
 *     centre–ligand bond E = K(r − r0)², μ the centre–ligand reduced mass: the diatomic estimate.</li>
 * </ul>
 *
 * @param type     observable type
 * @param target   target values (one per component)
 * @param weight   weight per unit of the observable
 * @param cellMode cell degrees of freedom for lattice / bulk_modulus
 * @param molecule molecule kind for stretch_frequency
 */
public record Observable(String type, double[] target, double weight, Relaxation.CellMode cellMode, String molecule) {

    /** Parses one observable object. */
    public static Observable parse(JsonNode o, String at) {
        String type = o.path("type").asText("");
        double w = o.path("weight").asDouble(1.0);
        Relaxation.CellMode mode = switch (o.path("cell").asText("isotropic").toLowerCase(Locale.ROOT)) {
            case "full" -> Relaxation.CellMode.FULL;
            case "isotropic" -> Relaxation.CellMode.ISOTROPIC;
            default -> throw new InputException(at + ".cell: isotropic or full");
        };
        switch (type) {
            case "stress" -> {
                JsonNode t = o.path("target_GPa");
                double[] v = new double[6];
                if (t.isArray()) {
                    if (t.size() != 6) throw new InputException(at + ".target_GPa: six values xx yy zz xy xz yz, or one number");
                    for (int k = 0; k < 6; k++) v[k] = t.get(k).asDouble();
                } else {
                    double d = t.asDouble(0);
                    v[0] = d; v[1] = d; v[2] = d;
                }
                return new Observable(type, v, w, mode, null);
            }
            case "forces" -> { return new Observable(type, new double[0], w, mode, null); }
            case "pressure" -> { return new Observable(type, new double[] {o.path("target_GPa").asDouble(0)}, w, mode, null); }
            case "lattice" -> {
                JsonNode t = o.path("target_A");
                double[] v = new double[3];
                if (t.isArray() && t.size() == 3) for (int k = 0; k < 3; k++) v[k] = t.get(k).asDouble();
                else if (t.isNumber()) java.util.Arrays.fill(v, t.asDouble());
                else throw new InputException(at + ".target_A: a number (cubic) or [a, b, c]");
                return new Observable(type, v, w, mode, null);
            }
            case "bulk_modulus" -> { return new Observable(type, new double[] {need(o, "target_GPa", at)}, w, mode, null); }
            case "stretch_frequency" -> {
                if (!o.has("molecule")) throw new InputException(at + ".molecule: needed for stretch_frequency");
                return new Observable(type, new double[] {need(o, "target_cm1", at)}, w, mode, o.get("molecule").asText());
            }
            default -> throw new InputException(at + ".type: stress, pressure, forces, lattice, bulk_modulus or stretch_frequency, got '" + type + "'");
        }
    }

    private static double need(JsonNode o, String k, String at) {
        if (!o.path(k).isNumber()) throw new InputException(at + "." + k + ": a number is needed");
        return o.get(k).asDouble();
    }

    /** Unit of the observable's components. */
    public String unit() {
        return switch (type) {
            case "stress", "pressure", "bulk_modulus" -> "GPa";
            case "forces" -> "eV/Å";
            case "lattice" -> "Å";
            default -> "cm⁻¹";
        };
    }

    /** True if evaluating needs a relaxation. */
    public boolean needsRelaxation() { return type.equals("lattice") || type.equals("bulk_modulus"); }
}
