package org.paddlewheel.model;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A chemical element: symbol, atomic number Z and standard atomic weight in amu.
 * Masses are IUPAC/CIAAW standard atomic weights (abridged conventional values, Prohaska et al.,
 * Pure Appl. Chem. 94, 573 (2022)); for elements without stable isotopes the mass number of the
 * longest-lived isotope. Deuterium is available as {@link #D}, a hydrogen with mass 2.014 amu,
 * because neutron studies (as in the paper's Na2(NH2)(11BD4)) use it.
 */
public enum Element {
    H("H", 1, 1.008),
    HE("He", 2, 4.0026),
    LI("Li", 3, 6.94),
    BE("Be", 4, 9.0122),
    B("B", 5, 10.81),
    C("C", 6, 12.011),
    N("N", 7, 14.007),
    O("O", 8, 15.999),
    F("F", 9, 18.998),
    NE("Ne", 10, 20.180),
    NA("Na", 11, 22.990),
    MG("Mg", 12, 24.305),
    AL("Al", 13, 26.982),
    SI("Si", 14, 28.085),
    P("P", 15, 30.974),
    S("S", 16, 32.06),
    CL("Cl", 17, 35.45),
    AR("Ar", 18, 39.95),
    K("K", 19, 39.098),
    CA("Ca", 20, 40.078),
    SC("Sc", 21, 44.956),
    TI("Ti", 22, 47.867),
    V("V", 23, 50.942),
    CR("Cr", 24, 51.996),
    MN("Mn", 25, 54.938),
    FE("Fe", 26, 55.845),
    CO("Co", 27, 58.933),
    NI("Ni", 28, 58.693),
    CU("Cu", 29, 63.546),
    ZN("Zn", 30, 65.38),
    GA("Ga", 31, 69.723),
    GE("Ge", 32, 72.630),
    AS("As", 33, 74.922),
    SE("Se", 34, 78.971),
    BR("Br", 35, 79.904),
    KR("Kr", 36, 83.798),
    RB("Rb", 37, 85.468),
    SR("Sr", 38, 87.62),
    Y("Y", 39, 88.906),
    ZR("Zr", 40, 91.224),
    NB("Nb", 41, 92.906),
    MO("Mo", 42, 95.95),
    TC("Tc", 43, 97.0),
    RU("Ru", 44, 101.07),
    RH("Rh", 45, 102.91),
    PD("Pd", 46, 106.42),
    AG("Ag", 47, 107.87),
    CD("Cd", 48, 112.41),
    IN("In", 49, 114.82),
    SN("Sn", 50, 118.71),
    SB("Sb", 51, 121.76),
    TE("Te", 52, 127.60),
    I("I", 53, 126.90),
    XE("Xe", 54, 131.29),
    CS("Cs", 55, 132.91),
    BA("Ba", 56, 137.33),
    LA("La", 57, 138.91),
    CE("Ce", 58, 140.12),
    PR("Pr", 59, 140.91),
    ND("Nd", 60, 144.24),
    PM("Pm", 61, 145.0),
    SM("Sm", 62, 150.36),
    EU("Eu", 63, 151.96),
    GD("Gd", 64, 157.25),
    TB("Tb", 65, 158.93),
    DY("Dy", 66, 162.50),
    HO("Ho", 67, 164.93),
    ER("Er", 68, 167.26),
    TM("Tm", 69, 168.93),
    YB("Yb", 70, 173.05),
    LU("Lu", 71, 174.97),
    HF("Hf", 72, 178.49),
    TA("Ta", 73, 180.95),
    W("W", 74, 183.84),
    RE("Re", 75, 186.21),
    OS("Os", 76, 190.23),
    IR("Ir", 77, 192.22),
    PT("Pt", 78, 195.08),
    AU("Au", 79, 196.97),
    HG("Hg", 80, 200.59),
    TL("Tl", 81, 204.38),
    PB("Pb", 82, 207.2),
    BI("Bi", 83, 208.98),
    PO("Po", 84, 209.0),
    AT("At", 85, 210.0),
    RN("Rn", 86, 222.0),
    FR("Fr", 87, 223.0),
    RA("Ra", 88, 226.0),
    AC("Ac", 89, 227.0),
    TH("Th", 90, 232.04),
    PA("Pa", 91, 231.04),
    U("U", 92, 238.03),
    NP("Np", 93, 237.0),
    PU("Pu", 94, 244.0),
    /** Deuterium: Z = 1, mass 2.01410 amu (AME 2016). */
    D("D", 1, 2.01410);

    private static final Map<String, Element> BY_SYMBOL = new HashMap<>();
    static {
        for (Element e : values()) BY_SYMBOL.put(e.symbol.toLowerCase(Locale.ROOT), e);
    }

    private final String symbol;
    private final int atomicNumber;
    private final double massAmu;

    Element(String symbol, int atomicNumber, double massAmu) {
        this.symbol = symbol;
        this.atomicNumber = atomicNumber;
        this.massAmu = massAmu;
    }

    /** Chemical symbol with standard capitalisation, e.g. "Na". */
    public String symbol() { return symbol; }

    /** Atomic number Z. */
    public int atomicNumber() { return atomicNumber; }

    /** Standard atomic weight in amu. */
    public double massAmu() { return massAmu; }

    /** True for H and D. */
    public boolean isHydrogen() { return atomicNumber == 1; }

    /**
     * The element with this symbol, case-insensitive ("NA", "na" and "Na" are sodium). Labels such
     * as "Na1" or "Na+" (CIF, VASP) are accepted: trailing digits and charge signs are stripped.
     *
     * @throws IllegalArgumentException if no element has that symbol
     */
    public static Element of(String symbol) {
        Element e = find(symbol);
        if (e == null) throw new IllegalArgumentException("unknown element '" + symbol + "'");
        return e;
    }

    /** Like {@link #of} but returns null for an unknown symbol. */
    public static Element find(String symbol) {
        if (symbol == null) return null;
        String s = symbol.trim();
        int end = 0;
        while (end < s.length() && end < 2 && Character.isLetter(s.charAt(end))) end++;
        if (end == 0) return null;
        Element e = BY_SYMBOL.get(s.substring(0, end).toLowerCase(Locale.ROOT));
        if (e == null && end == 2) e = BY_SYMBOL.get(s.substring(0, 1).toLowerCase(Locale.ROOT));
        if (e == null) return null;
        // Accept labels with digits, charges or suffixes ("Na1", "O2-", "Na_pv"), not "Nax".
        int n = e.symbol.length();
        if (s.length() > n && Character.isLetter(s.charAt(n))) return null;
        return e;
    }

    /** The element with atomic number z (hydrogen, not deuterium, for z = 1). */
    public static Element ofAtomicNumber(int z) {
        if (z < 1 || z > 94) throw new IllegalArgumentException("no element with Z = " + z);
        return values()[z - 1];
    }
}
