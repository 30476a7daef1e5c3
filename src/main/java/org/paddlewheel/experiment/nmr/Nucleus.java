package org.paddlewheel.experiment.nmr;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.paddlewheel.model.InputException;

/**
 * A quadrupolar nucleus: label ("23Na"), spin I and nuclear electric quadrupole moment Q in
 * millibarn (1 mb = 1e-31 m²). Q values are the recommended ones of P. Pyykkö, "Year-2017 nuclear
 * quadrupole moments", Mol. Phys. 116 (2018) 1328–1338; for ¹¹B (40.59 mb), ¹⁴N (20.44 mb) and
 * ²³Na (104 mb) they equal the Pyykkö (2008) values the paper used (its ref. 62). Sign included.
 *
 * @param label        mass number and symbol, e.g. "23Na"
 * @param spin         nuclear spin I (≥ 1 for a quadrupolar nucleus)
 * @param quadrupoleMb Q in millibarn
 */
public record Nucleus(String label, double spin, double quadrupoleMb) {

    /** Q in m². */
    public double quadrupoleM2() { return quadrupoleMb * 1e-31; }

    private static final Map<String, Nucleus> TABLE = new LinkedHashMap<>();
    /** Element symbol → its usual quadrupolar isotope, for tables keyed by element (e.g. OUTCAR ions). */
    private static final Map<String, String> DEFAULT_ISOTOPE = new LinkedHashMap<>();

    private static void put(String label, double spin, double q) { TABLE.put(label.toLowerCase(Locale.ROOT), new Nucleus(label, spin, q)); }

    static {
        put("2H", 1, 2.860);
        put("6Li", 1, -0.806);
        put("7Li", 1.5, -40.0);
        put("9Be", 1.5, 52.88);
        put("10B", 3, 84.59);
        put("11B", 1.5, 40.59);
        put("14N", 1, 20.44);
        put("17O", 2.5, -25.58);
        put("23Na", 1.5, 104.0);
        put("25Mg", 2.5, 199.4);
        put("27Al", 2.5, 146.6);
        put("33S", 1.5, -67.8);
        put("35Cl", 1.5, -81.65);
        put("37Cl", 1.5, -64.35);
        put("39K", 1.5, 58.5);
        put("43Ca", 3.5, -40.8);
        put("51V", 3.5, -52.0);
        put("63Cu", 1.5, -220.0);
        put("65Cu", 1.5, -204.0);
        put("67Zn", 2.5, 150.0);
        put("69Ga", 1.5, 171.0);
        put("71Ga", 1.5, 107.0);
        put("79Br", 1.5, 313.0);
        put("81Br", 1.5, 262.0);
        put("87Rb", 1.5, 133.5);
        put("133Cs", 3.5, -3.43);
        for (String s : List.of("2H", "7Li", "9Be", "11B", "14N", "17O", "23Na", "25Mg", "27Al", "33S", "35Cl", "39K",
                "43Ca", "51V", "63Cu", "67Zn", "71Ga", "79Br", "87Rb", "133Cs")) {
            DEFAULT_ISOTOPE.put(s.replaceAll("^\\d+", "").toLowerCase(Locale.ROOT), s);
        }
        DEFAULT_ISOTOPE.put("d", "2H");
    }

    /**
     * Looks up a nucleus by label ("23Na", "Na-23", "na23") or by element symbol ("Na" → ²³Na).
     *
     * @throws InputException naming the nuclei known
     */
    public static Nucleus of(String name) {
        String s = name.strip().toLowerCase(Locale.ROOT).replace("-", "");
        Nucleus n = TABLE.get(s);
        if (n == null && s.matches("[a-z]+\\d+")) n = TABLE.get(s.replaceAll("^([a-z]+)(\\d+)$", "$2$1"));
        if (n == null && DEFAULT_ISOTOPE.containsKey(s)) n = TABLE.get(DEFAULT_ISOTOPE.get(s).toLowerCase(Locale.ROOT));
        if (n == null) {
            throw new InputException("unknown quadrupolar nucleus '" + name + "'; known: "
                    + String.join(", ", TABLE.values().stream().map(Nucleus::label).toList()));
        }
        return n;
    }

    /** Every nucleus in the table, in order of mass. */
    public static List<Nucleus> all() { return List.copyOf(TABLE.values()); }

    /** Parses a spin written as "3/2", "1.5" or "1". */
    public static double parseSpin(String text) {
        String t = text.strip();
        try {
            int slash = t.indexOf('/');
            double v = slash < 0 ? Double.parseDouble(t)
                    : Double.parseDouble(t.substring(0, slash)) / Double.parseDouble(t.substring(slash + 1));
            if (!(v >= 1) || Math.abs(2 * v - Math.rint(2 * v)) > 1e-9) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw new InputException("spin '" + text + "' must be an integer or half-integer ≥ 1 (quadrupolar), e.g. 3/2");
        }
    }
}
