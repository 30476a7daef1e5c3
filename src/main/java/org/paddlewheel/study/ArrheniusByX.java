package org.paddlewheel.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.paddlewheel.analysis.Arrhenius;

/**
 * Arrhenius fits of the free runs per composition with the shared {@link Arrhenius}: D_Na
 * (plain form) and the Nernst–Einstein σ (σ·T form, as for the experiment), weighted by the 1σ
 * errors, set beside the paper's experimental activation energies from impedance. Conditions
 * without a single Na hop are left out ({@link ConditionResult#dNaIsUpperBound()}): their D is the
 * MSD-slope floor (vibrations, cell fluctuations), which would flatten the line and understate Ea;
 * their temperatures are listed in {@link Row#noHopTemperaturesK()}. Conditions whose cell did not
 * stay a crystal ({@link ConditionResult#usable()}) are left out too and listed in
 * {@link Row#unstableTemperaturesK()}: a liquid's D belongs to another phase. Beside the D and σ·T fits, the Na
 * hop rate per ion (Poisson errors) is fitted over the same conditions: counted events, the estimate that still
 * stands where D was fitted inside the cage regime ({@link ConditionResult#dNaInCageRegime()}, listed in
 * {@link Row#cageTemperaturesK()}; session 35).
 */
public final class ArrheniusByX {
    /** The paper's experimental Ea from conductivity (Figure 1B), eV, by x. */
    public static final Map<Double, Double> PAPER_EA_EV = Map.of(0.0, 0.358, 0.2, 0.299, 0.5, 0.301, 0.75, 0.278, 1.0, 0.268);

    /**
     * One composition's fits (null fits when fewer than two temperatures with a positive D).
     *
     * @param temperaturesK      temperatures used, K
     * @param paperEaEv          the paper's experimental Ea for this x, eV (null if the paper has none)
     * @param noHopTemperaturesK temperatures left out because no run there detected a Na hop, K
     * @param unstableTemperaturesK temperatures left out because the cell melted or drifted, K
     * @param eaHopRateEv        Ea from the hop rate per Na (rate = A exp(−Ea/kT), Poisson-weighted), eV; null below two temperatures
     * @param cageTemperaturesK  used temperatures whose D was fitted inside the cage regime, K
     */
    public record Row(double x, double[] temperaturesK, Estimate eaDEv, Estimate eaSigmaEv, Double paperEaEv,
                      Arrhenius.Result dFit, Arrhenius.Result sigmaFit, double[] noHopTemperaturesK, double[] unstableTemperaturesK,
                      Estimate eaHopRateEv, double[] cageTemperaturesK) {
        /** True when every used temperature's D is a transport measurement (none fitted inside the cage regime). */
        public boolean dOutsideCage() { return cageTemperaturesK.length == 0; }
    }

    private ArrheniusByX() {}

    /** Fits per x over free conditions. */
    public static List<Row> fit(List<ConditionResult> conditions) {
        Map<Double, List<ConditionResult>> byX = new TreeMap<>();
        Map<Double, List<Double>> noHop = new TreeMap<>(), unstable = new TreeMap<>();
        for (ConditionResult c : conditions) {
            if (c.frozen() != Frozen.NONE) continue;
            if (!c.usable()) {
                unstable.computeIfAbsent(c.x(), k -> new ArrayList<>()).add(c.temperatureK());
                byX.computeIfAbsent(c.x(), k -> new ArrayList<>());
            } else if (c.dNaIsUpperBound()) {
                noHop.computeIfAbsent(c.x(), k -> new ArrayList<>()).add(c.temperatureK());
                byX.computeIfAbsent(c.x(), k -> new ArrayList<>());   // the row still lists what was left out
            } else if (c.dNa() != null && c.dNa().value() > 0 && c.sigmaNa() != null) {
                byX.computeIfAbsent(c.x(), k -> new ArrayList<>()).add(c);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<Double, List<ConditionResult>> e : byX.entrySet()) {
            List<ConditionResult> cs = e.getValue();
            int n = cs.size();
            double[] t = new double[n], d = new double[n], de = new double[n], s = new double[n], se = new double[n];
            for (int i = 0; i < n; i++) {
                ConditionResult c = cs.get(i);
                t[i] = c.temperatureK();
                d[i] = c.dNa().value(); de[i] = positive(c.dNa().sigma(), d[i]);
                s[i] = c.sigmaNa().value(); se[i] = positive(c.sigmaNa().sigma(), s[i]);
            }
            Arrhenius.Result fd = null, fs = null, fh = null;
            if (java.util.Arrays.stream(t).distinct().count() >= 2) {
                fd = Arrhenius.fit(t, d, de, Arrhenius.Form.PLAIN);
                fs = Arrhenius.fit(t, s, se, Arrhenius.Form.TIMES_T);
            }
            List<ConditionResult> rated = cs.stream().filter(c -> c.hopRate() != null).toList();
            if (rated.stream().mapToDouble(ConditionResult::temperatureK).distinct().count() >= 2) {
                fh = Arrhenius.fit(rated.stream().mapToDouble(ConditionResult::temperatureK).toArray(),
                        rated.stream().mapToDouble(c -> c.hopRate().value()).toArray(),
                        rated.stream().mapToDouble(c -> c.hopRate().sigma()).toArray(), Arrhenius.Form.PLAIN);
            }
            double[] cage = cs.stream().filter(ConditionResult::dNaInCageRegime).mapToDouble(ConditionResult::temperatureK).toArray();
            rows.add(new Row(e.getKey(), t, fd == null ? null : new Estimate(fd.activationEnergyEv(), fd.activationEnergyErrorEv()),
                    fs == null ? null : new Estimate(fs.activationEnergyEv(), fs.activationEnergyErrorEv()),
                    PAPER_EA_EV.get(e.getKey()), fd, fs,
                    noHop.getOrDefault(e.getKey(), List.of()).stream().mapToDouble(Double::doubleValue).toArray(),
                    unstable.getOrDefault(e.getKey(), List.of()).stream().mapToDouble(Double::doubleValue).toArray(),
                    fh == null ? null : new Estimate(fh.activationEnergyEv(), fh.activationEnergyErrorEv()), cage));
        }
        return rows;
    }

    private static double positive(double sigma, double value) {
        return sigma > 0 && Double.isFinite(sigma) ? sigma : Math.abs(value) * 1e-3;
    }
}
