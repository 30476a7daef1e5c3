package org.paddlewheel.cli.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.paddlewheel.experiment.nmr.EfgTensor;
import org.paddlewheel.experiment.nmr.Nucleus;
import org.paddlewheel.experiment.nmr.OutcarEfgReader;
import org.paddlewheel.model.InputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code paddlewheel efg} (also {@code nmr efg}): an EFG tensor — 9 components, VASP's 6, or 3
 * principal values — or a VASP OUTCAR → principal components (|V_zz| ≥ |V_xx| ≥ |V_yy|), η_Q and
 * C_Q = eQV_zz/h for a nucleus (Q from Pyykkö 2018).
 */
@Command(name = "efg", mixinStandardHelpOptions = true,
        description = {"EFG tensor → principal components (|Vzz| ≥ |Vxx| ≥ |Vyy|), η_Q = |Vxx−Vyy|/|Vzz| and C_Q = eQVzz/h (Hz, MHz).",
            "Tensor units: V/A2 (VASP OUTCAR, default), V/m2, or au (E_h/(e·a0²) = 9.7173624292e21 V/m²)."})
public final class EfgCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @Mixin Output output;

    @Option(names = "--tensor", split = ",", paramLabel = "V",
            description = "Tensor components in --unit: 9 (v11,v12,...,v33, row-major), 6 (xx,yy,zz,xy,xz,yz as VASP prints) or 3 (principal values).")
    List<Double> tensor;

    @Option(names = "--outcar", paramLabel = "FILE", description = "VASP OUTCAR with an 'Electric field gradients (V/A^2)' block (LEFG = .TRUE.).")
    Path outcar;

    @Option(names = "--ion", paramLabel = "N", description = "With --outcar: only this ion (1-based, as VASP numbers them).")
    Integer ion;

    @Option(names = "--nucleus", paramLabel = "NUC",
            description = "Nucleus for Q (e.g. 23Na, 11B, 14N, 2H, 7Li, 17O). With --outcar it also selects ions of that element; default there: each ion's usual quadrupolar isotope.")
    String nucleus;

    @Option(names = "--quadrupole-moment", paramLabel = "MB", description = "Override Q in millibarn (1 mb = 1e-31 m²).")
    Double quadrupoleMb;

    @Option(names = "--unit", defaultValue = "V/A2", paramLabel = "UNIT", description = "Unit of --tensor: V/A2, V/m2 or au. Default: ${DEFAULT-VALUE}.")
    String unit;

    @Override
    public Integer call() throws Exception {
        if ((tensor == null) == (outcar == null)) throw new InputException("give exactly one of --tensor or --outcar");
        EfgTensor.Unit u = parseUnit(unit);
        List<Map<String, Object>> rows = new ArrayList<>();
        if (tensor != null) {
            double[] v = tensor.stream().mapToDouble(Double::doubleValue).toArray();
            EfgTensor t = switch (v.length) {
                case 9 -> EfgTensor.ofMatrix(v, u);
                case 6 -> EfgTensor.ofVoigt(v, u);
                case 3 -> EfgTensor.ofMatrix(new double[] {v[0], 0, 0, 0, v[1], 0, 0, 0, v[2]}, u);
                default -> throw new InputException("--tensor takes 9, 6 or 3 numbers, got " + v.length);
            };
            if (nucleus == null && quadrupoleMb == null) throw new InputException("give --nucleus (e.g. 23Na) or --quadrupole-moment");
            rows.add(row(t, nucleus == null ? null : Nucleus.of(nucleus), u, null, null));
        } else {
            Nucleus wanted = nucleus == null ? null : Nucleus.of(nucleus);
            String wantedElement = wanted == null ? null : wanted.label().replaceAll("^\\d+", "");
            for (OutcarEfgReader.IonEfg e : OutcarEfgReader.read(outcar)) {
                if (ion != null && e.ion() != ion) continue;
                if (wantedElement != null && e.element() != null && !e.element().equalsIgnoreCase(wantedElement)) continue;
                Nucleus n = wanted;
                if (n == null && e.element() != null) {
                    try {
                        n = Nucleus.of(e.element());
                    } catch (InputException ignored) {
                        n = null; // not quadrupolar in the table: report V and η only
                    }
                }
                rows.add(row(e.tensor(), n, u, e.ion(), e.element()));
            }
            if (rows.isEmpty()) throw new InputException(outcar.toString(), 0, "no ion matched --ion/--nucleus");
        }
        Map<String, Object> out = Output.map();
        out.put("V_unit", unitName(u));
        if (rows.size() == 1) out.putAll(rows.get(0));
        out.put("ions", rows);
        var w = spec.commandLine().getOut();
        if (output.dir() != null) Output.writeJson(output.dir().resolve("efg.json"), out);
        if (output.json()) {
            Output.printJson(w, out);
        } else {
            for (Map<String, Object> r : rows) {
                w.printf(Locale.ROOT, "%s%s Vxx = %.6g  Vyy = %.6g  Vzz = %.6g %s  η_Q = %.4f  C_Q = %s%n",
                        r.get("ion") == null ? "" : "ion " + r.get("ion") + " ", r.get("nucleus") == null ? "" : r.get("nucleus"),
                        (Double) r.get("Vxx"), (Double) r.get("Vyy"), (Double) r.get("Vzz"), unitName(u), (Double) r.get("eta"),
                        r.get("Cq_MHz") == null ? "(no Q)" : String.format(Locale.ROOT, "%.6g MHz", (Double) r.get("Cq_MHz")));
            }
            w.flush();
        }
        return 0;
    }

    private Map<String, Object> row(EfgTensor t, Nucleus n, EfgTensor.Unit u, Integer ionIndex, String element) {
        Map<String, Object> m = Output.map();
        if (ionIndex != null) m.put("ion", ionIndex);
        if (element != null) m.put("element", element);
        double[] p = t.principalSi();
        m.put("Vxx", p[0] / u.toSi());
        m.put("Vyy", p[1] / u.toSi());
        m.put("Vzz", p[2] / u.toSi());
        m.put("Vzz_V_per_m2", p[2]);
        m.put("Vzz_au", p[2] / EfgTensor.ATOMIC_UNIT_V_PER_M2);
        m.put("trace", t.traceSi() / u.toSi());
        m.put("eta", t.eta());
        m.put("eta_Q", t.eta());
        Double qmb = quadrupoleMb != null ? quadrupoleMb : n != null ? n.quadrupoleMb() : null;
        if (n != null) m.put("nucleus", n.label());
        if (qmb != null) {
            double cq = t.cqHz(qmb * 1e-31);
            m.put("Q_mb", qmb);
            m.put("CQ_Hz", cq);
            m.put("Cq_MHz", cq / 1e6);
        }
        return m;
    }

    static EfgTensor.Unit parseUnit(String s) {
        String t = s.strip().toLowerCase(Locale.ROOT).replace("^", "").replace("²", "2").replace("å", "a");
        return switch (t) {
            case "v/a2", "v/ang2", "v/angstrom2" -> EfgTensor.Unit.V_PER_A2;
            case "v/m2", "si" -> EfgTensor.Unit.V_PER_M2;
            case "au", "a.u.", "atomic" -> EfgTensor.Unit.ATOMIC;
            default -> throw new InputException("--unit must be V/A2, V/m2 or au, got '" + s + "'");
        };
    }

    static String unitName(EfgTensor.Unit u) {
        return switch (u) {
            case V_PER_A2 -> "V/A^2";
            case V_PER_M2 -> "V/m^2";
            case ATOMIC -> "E_h/(e a0^2)";
        };
    }
}
