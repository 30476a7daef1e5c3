package org.paddlewheel.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.distribution.continuous.TDistribution;
import org.paddlewheel.analysis.OrientationSampler;
import org.paddlewheel.analysis.RotationalAutocorrelation;
import org.paddlewheel.analysis.SeriesStore;
import org.paddlewheel.analysis.StretchedExponentialFit;
import org.paddlewheel.model.Molecule;
import org.paddlewheel.model.Structure;

/**
 * The uncertainty of an anion kind's C1 time τ̄, which the analysis library gives without one:
 * the anions of each kind are dealt round-robin into up to {@link #GROUPS} disjoint groups, each
 * group's C1 (ligand vectors, all time origins) is fitted with the library's KWW fit, and σ(τ̄)
 * is the standard error of the group values times Student's t_{0.8413, G−1} (a 68.27 % half-width,
 * as for D). Anions rotate nearly independently, so the groups are close to independent samples of
 * the same run; with one anion of a kind σ is NaN (unknown), so no claim can rest on it. A group's
 * τ̄ is capped at the observable window (half the run): a group whose C1 has not decayed enters
 * with that bound, and a KWW extrapolation far beyond the window (small β) cannot blow the spread up.
 */
final class RotationGroups {
    /** Most groups per kind. */
    static final int GROUPS = 4;

    private final Map<String, List<OrientationSampler>> samplers = new LinkedHashMap<>();
    private final Map<String, List<SeriesStore>> stores = new LinkedHashMap<>();
    private int frames;

    RotationGroups(List<Molecule> molecules) {
        Map<String, List<Molecule>> byKind = new LinkedHashMap<>();
        for (Molecule m : molecules) if (m.ligandCount() > 0) byKind.computeIfAbsent(m.formula(), k -> new ArrayList<>()).add(m);
        byKind.forEach((kind, ms) -> {
            int g = Math.min(GROUPS, ms.size());
            List<List<Molecule>> groups = new ArrayList<>();
            for (int i = 0; i < g; i++) groups.add(new ArrayList<>());
            for (int i = 0; i < ms.size(); i++) groups.get(i % g).add(ms.get(i));
            List<OrientationSampler> ss = new ArrayList<>();
            List<SeriesStore> st = new ArrayList<>();
            for (List<Molecule> grp : groups) {
                OrientationSampler os = new OrientationSampler(grp);
                ss.add(os);
                st.add(new SeriesStore(os.channels(OrientationSampler.Vector.LIGAND), true));
            }
            samplers.put(kind, ss);
            stores.put(kind, st);
        });
    }

    /** Records one frame. */
    void accept(Structure s) {
        for (String kind : samplers.keySet()) {
            List<OrientationSampler> ss = samplers.get(kind);
            for (int g = 0; g < ss.size(); g++) {
                SeriesStore st = stores.get(kind).get(g);
                double[] buf = new double[st.channels()];
                ss.get(g).sample(s, OrientationSampler.Vector.LIGAND, buf);
                st.append(buf);
            }
        }
        frames++;
    }

    /** σ(τ̄) per kind, ps (NaN with one group); {@code dtFs} is the time between recorded frames. */
    Map<String, Double> sigmaPs(double dtFs) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<SeriesStore>> e : stores.entrySet()) {
            List<SeriesStore> st = e.getValue();
            int g = st.size();
            if (g < 2) { out.put(e.getKey(), Double.NaN); continue; }
            double[] tau = new double[g];
            double mean = 0;
            for (int i = 0; i < g; i++) {
                double[] c1 = RotationalAutocorrelation.compute(st.get(i), 0, frames, frames / 2).c1();
                double window = (frames / 2) * dtFs / 1000;
                tau[i] = Math.min(window, StretchedExponentialFit.fit(c1, dtFs, frames / 2).meanTauFs() / 1000);
                mean += tau[i] / g;
            }
            double ss = 0;
            for (double t : tau) ss += (t - mean) * (t - mean);
            double se = Math.sqrt(ss / (g - 1) / g);
            out.put(e.getKey(), se * new TDistribution(g - 1).inverseCumulativeProbability(0.5 + 0.6826894921370859 / 2));
        }
        return out;
    }
}
