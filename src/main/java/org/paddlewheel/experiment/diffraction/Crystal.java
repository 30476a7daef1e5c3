package org.paddlewheel.experiment.diffraction;

import java.util.ArrayList;
import java.util.List;
import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Structure;

/**
 * A crystal as a diffraction experiment sees it: a lattice (Å) and sites with fractional coordinates,
 * occupancy and isotropic displacement B_iso (Å², Debye–Waller factor exp(−B s²) on the amplitude).
 * A site may carry a rotationally disordered shell of ligand atoms (e.g. the four H of a freely
 * rotating BH4⁻ at r = 1.21 Å from B): its orientation-averaged amplitude is n·f·sin(qr)/(qr) with
 * q = 4π s (the spherical average of exp(iq·r), as for the sphere-like H density the paper finds in
 * cubic Na2(NH2)(BH4)). Built from a {@link Structure} (occupancy 1) or site by site.
 */
public final class Crystal {
    /** A ligand shell around a site: {@code count} atoms of {@code scatterer} at {@code radiusA} (Å). */
    public record Shell(String scatterer, double count, double radiusA) {}

    /**
     * One site.
     *
     * @param scatterer  element symbol, ion ("Cl1-") or isotope ("11B", "D") used to look up f or b
     * @param fractional fractional coordinates (3)
     * @param occupancy  site occupancy (0–1)
     * @param bIso       isotropic displacement parameter B in Å² (B = 8π²⟨u²⟩)
     * @param shells     rotationally averaged ligand shells (may be empty)
     */
    public record Site(String scatterer, double[] fractional, double occupancy, double bIso, List<Shell> shells) {
        public Site {
            fractional = fractional.clone();
            shells = List.copyOf(shells);
        }
    }

    private final Lattice lattice;
    private final List<Site> sites;
    private final String name;

    public Crystal(String name, Lattice lattice, List<Site> sites) {
        this.name = name;
        this.lattice = lattice;
        this.sites = List.copyOf(sites);
    }

    /** Every atom of {@code s} as a fully occupied site with displacement {@code bIso} (Å²). */
    public static Crystal of(Structure s, double bIso) {
        double[] f = s.fractionalPositions();
        List<Site> sites = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            sites.add(new Site(s.species(i).symbol(), new double[] {f[3 * i], f[3 * i + 1], f[3 * i + 2]}, 1.0, bIso, List.of()));
        }
        return new Crystal(s.formula(), s.lattice(), sites);
    }

    public String name() { return name; }
    public Lattice lattice() { return lattice; }
    public List<Site> sites() { return sites; }

    /** A copy with every site's B_iso set to {@code bIso} (Å²). */
    public Crystal withBIso(double bIso) {
        List<Site> out = new ArrayList<>();
        for (Site t : sites) out.add(new Site(t.scatterer(), t.fractional(), t.occupancy(), bIso, t.shells()));
        return new Crystal(name, lattice, out);
    }
}
