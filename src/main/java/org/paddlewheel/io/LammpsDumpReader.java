package org.paddlewheel.io;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.paddlewheel.model.Element;
import org.paddlewheel.model.Frame;
import org.paddlewheel.model.InputException;
import org.paddlewheel.model.Lattice;
import org.paddlewheel.model.Structure;

/** Streaming parser behind {@link LammpsDump#open}; one frame of look-ahead. */
final class LammpsDumpReader implements TrajectoryReader {
    private final LineSource in;
    private final double timestepFs;
    private final List<Element> typeMap;
    private int atomCount = -1;
    private Frame pending;
    private String header;    // last ITEM: ATOMS line and its resolved columns
    private Columns columns;

    /** Column indices of one {@code ITEM: ATOMS} header; -1 where absent. */
    private record Columns(int id, int type, int element, int[] pos, int posKind, int[] image, int[] vel, int count) {
        static final int CART = 0, SCALED = 1;
    }

    LammpsDumpReader(Path file, double timestepFs, List<Element> typeMap) {
        this.in = LineSource.open(file);
        this.timestepFs = timestepFs;
        this.typeMap = typeMap == null ? null : List.copyOf(typeMap);
        try {
            pending = readFrame();
            if (pending == null) throw new InputException(file, 1, "empty LAMMPS dump: expected 'ITEM: TIMESTEP'");
        } catch (RuntimeException e) {
            in.close();
            throw e;
        }
        atomCount = pending.structure().size();
    }

    @Override public int atomCount() { return atomCount; }

    @Override public boolean hasNext() { return pending != null; }

    @Override
    public Frame next() {
        if (pending == null) throw new NoSuchElementException();
        Frame f = pending;
        pending = readFrame();
        return f;
    }

    @Override public void close() { in.close(); }

    private Frame readFrame() {
        String line = in.next();
        while (line != null && line.isBlank()) line = in.next();
        if (line == null) return null;
        long step = Long.MIN_VALUE;
        int n = -1;
        double[] m = null, origin = null;
        while (true) {
            String item = line.trim();
            if (!item.startsWith("ITEM:")) throw in.error("expected an 'ITEM:' line, got '" + truncate(item) + "'");
            String what = item.substring(5).trim();
            if (what.equals("TIMESTEP")) {
                step = in.longInteger(in.require("the timestep").trim(), "timestep");
            } else if (what.equals("NUMBER OF ATOMS")) {
                n = in.integer(in.require("the number of atoms").trim(), "number of atoms");
                in.atomCount(n, "number of atoms");
                if (atomCount >= 0 && n != atomCount) {
                    throw in.error("frame at step " + step + " has " + n + " atoms, the first had " + atomCount);
                }
            } else if (what.startsWith("BOX BOUNDS")) {
                double[][] rows = new double[3][];
                String kind = what.substring(10).trim();
                boolean abc = kind.startsWith("abc origin"), tri = kind.startsWith("xy xz yz");
                for (int k = 0; k < 3; k++) rows[k] = numbers(in.require("box bounds"), abc || tri ? (abc ? 4 : 3) : 2, "box bounds");
                if (abc) {
                    m = new double[9];
                    for (int k = 0; k < 3; k++) System.arraycopy(rows[k], 0, m, 3 * k, 3);
                    origin = new double[] {rows[0][3], rows[1][3], rows[2][3]};
                } else {
                    LammpsBox b = tri
                            ? LammpsBox.fromDumpBounds(rows[0][0], rows[0][1], rows[1][0], rows[1][1], rows[2][0], rows[2][1],
                                    rows[0][2], rows[1][2], rows[2][2])
                            : new LammpsBox(rows[0][0], rows[0][1], rows[1][0], rows[1][1], rows[2][0], rows[2][1], 0, 0, 0);
                    m = new double[] {b.xhi() - b.xlo(), 0, 0, b.xy(), b.yhi() - b.ylo(), 0, b.xz(), b.yz(), b.zhi() - b.zlo()};
                    origin = new double[] {b.xlo(), b.ylo(), b.zlo()};
                }
            } else if (what.startsWith("ATOMS")) {
                if (step == Long.MIN_VALUE || n < 0 || m == null) {
                    throw in.error("ITEM: ATOMS before ITEM: TIMESTEP, NUMBER OF ATOMS and BOX BOUNDS");
                }
                return atoms(step, n, m, origin, item);
            } else if (what.equals("TIME") || what.equals("UNITS")) {
                in.require("the value of ITEM: " + what); // dump_modify time/units yes: informational
            } else {
                throw in.error("unknown dump item '" + truncate(item) + "'");
            }
            line = in.require("ITEM: ATOMS");
        }
    }

    private Frame atoms(long step, int n, double[] m, double[] origin, String item) {
        Lattice lattice;
        try {
            lattice = Lattice.fromRowMajor(m);
        } catch (IllegalArgumentException e) {
            throw in.error("bad box: " + e.getMessage());
        }
        if (!item.equals(header)) {
            columns = resolve(item);
            header = item;
        }
        Columns c = columns;
        long[] ids = new long[n];
        Element[] species = new Element[n];
        double[] pos = new double[3 * n];
        double[] vel = c.vel() == null ? null : new double[3 * n];
        double[] r = new double[3];
        if (fs.length < c.count() + 1) { fs = new int[c.count() + 1]; fe = new int[c.count() + 1]; }
        for (int i = 0; i < n; i++) {
            if (vel == null && fastAtom(i, c, lattice, origin, m, ids, species, pos)) continue;
            String[] tok = in.require(n + " atom lines").trim().split("\\s+");
            if (tok.length != c.count()) throw in.error("expected " + c.count() + " columns, got " + tok.length);
            ids[i] = c.id() >= 0 ? in.longInteger(tok[c.id()], "id") : i;
            species[i] = element(tok, c);
            double[] p = new double[3];
            int[] img = new int[3];
            for (int d = 0; d < 3; d++) {
                p[d] = in.number(tok[c.pos()[d]], "position");
                if (c.image() != null) img[d] = in.integer(tok[c.image()[d]], "image flag");
            }
            if (c.posKind() == Columns.SCALED) {
                lattice.toCartesian(p[0] + img[0], p[1] + img[1], p[2] + img[2], r, 0);
            } else {
                for (int d = 0; d < 3; d++) r[d] = p[d] - origin[d] + img[0] * m[d] + img[1] * m[3 + d] + img[2] * m[6 + d];
            }
            System.arraycopy(r, 0, pos, 3 * i, 3);
            if (vel != null) for (int d = 0; d < 3; d++) vel[3 * i + d] = in.number(tok[c.vel()[d]], "velocity") * 1e-3;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        if (c.id() >= 0) Arrays.sort(order, (a, b) -> Long.compare(ids[a], ids[b]));
        Structure.Builder b = Structure.builder(lattice, n);
        for (int k = 0; k < n; k++) {
            int i = order[k];
            b.add(species[i], pos[3 * i], pos[3 * i + 1], pos[3 * i + 2]);
            if (vel != null) b.velocity(k, vel[3 * i], vel[3 * i + 1], vel[3 * i + 2]);
        }
        double time = timestepFs > 0 ? step * timestepFs : step;
        return new Frame(b.build(), time, step);
    }

    private int[] fs = new int[16], fe = new int[16];
    private final double[] p3 = new double[3], r3 = new double[3];

    /**
     * The common atom line (numbers only: id, type, positions, image flags) parsed from the bytes
     * without Strings. False, with the line pushed back for the String route (which gives the same
     * values or the proper error), when anything is outside the fast shape.
     */
    private boolean fastAtom(int i, Columns c, Lattice lattice, double[] origin, double[] m, long[] ids, Element[] species,
                             double[] pos) {
        int got = in.nextFields(fs, fe, c.count() + 1);
        if (got == -2) return false;
        if (got == -1) throw in.endOfFile("atom line " + (i + 1));
        byte[] b = in.lineBytes();
        boolean ok = got == c.count();
        long id = i;
        if (ok && c.id() >= 0) {
            double v = FastDecimal.parse(b, fs[c.id()], fe[c.id()]);
            ok = v == Math.rint(v);
            id = (long) v;
        }
        Element e = null;
        if (ok && c.element() >= 0) {
            e = symbol(b, fs[c.element()], fe[c.element()]);
            ok = e != null;
        } else if (ok) {
            double t = FastDecimal.parse(b, fs[c.type()], fe[c.type()]);
            int ti = (int) t;
            ok = t == ti && ti >= 1 && ti <= typeMap.size() && (e = typeMap.get(ti - 1)) != null;
        }
        int[] img = {0, 0, 0};
        for (int d = 0; d < 3 && ok; d++) {
            p3[d] = FastDecimal.parse(b, fs[c.pos()[d]], fe[c.pos()[d]]);
            ok = p3[d] == p3[d];
            if (ok && c.image() != null) {
                double v = FastDecimal.parse(b, fs[c.image()[d]], fe[c.image()[d]]);
                ok = v == Math.rint(v) && Math.abs(v) < Integer.MAX_VALUE;
                img[d] = (int) v;
            }
        }
        if (!ok) {
            in.pushBack(in.currentLine());
            return false;
        }
        ids[i] = id;
        species[i] = e;
        if (c.posKind() == Columns.SCALED) {
            lattice.toCartesian(p3[0] + img[0], p3[1] + img[1], p3[2] + img[2], r3, 0);
        } else {
            for (int d = 0; d < 3; d++) r3[d] = p3[d] - origin[d] + img[0] * m[d] + img[1] * m[3 + d] + img[2] * m[6 + d];
        }
        System.arraycopy(r3, 0, pos, 3 * i, 3);
        return true;
    }

    private final java.util.Map<String, Element> symbols = new HashMap<>();
    private Element lastSymbol;

    /** The element written as b[from, to) (exact symbol; the previous one is tried first), or null. */
    private Element symbol(byte[] b, int from, int to) {
        Element e = lastSymbol;
        if (e != null) {
            String sym = e.symbol();
            boolean same = sym.length() == to - from;
            for (int k = 0; same && k < sym.length(); k++) same = b[from + k] == sym.charAt(k);
            if (same) return e;
        }
        String token = new String(b, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1);
        e = symbols.computeIfAbsent(token, Element::find);
        if (e != null) lastSymbol = e;
        return e;
    }

    private Element element(String[] tok, Columns c) {
        if (c.element() >= 0) {
            Element e = Element.find(tok[c.element()]);
            if (e == null) throw in.error("unknown element '" + tok[c.element()] + "'");
            return e;
        }
        int t = in.integer(tok[c.type()], "type");
        if (t < 1 || t > typeMap.size() || typeMap.get(t - 1) == null) {
            throw in.error("atom type " + t + " is not in the type map " + typeMap);
        }
        return typeMap.get(t - 1);
    }

    private Columns resolve(String item) {
        String[] names = item.substring(item.indexOf("ATOMS") + 5).trim().split("\\s+");
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < names.length; i++) at.putIfAbsent(names[i], i);
        int[] image = triple(at, "ix", "iy", "iz");
        int[] pos;
        int kind;
        if ((pos = triple(at, "xu", "yu", "zu")) != null) { kind = Columns.CART; image = null; }
        else if ((pos = triple(at, "xsu", "ysu", "zsu")) != null) { kind = Columns.SCALED; image = null; }
        else if ((pos = triple(at, "x", "y", "z")) != null) kind = Columns.CART;
        else if ((pos = triple(at, "xs", "ys", "zs")) != null) kind = Columns.SCALED;
        else throw in.error("no position columns (x y z, xs ys zs, xu yu zu or xsu ysu zsu) in '" + item + "'");
        int element = at.getOrDefault("element", -1), type = at.getOrDefault("type", -1);
        if (element < 0 && (type < 0 || typeMap == null)) {
            throw in.error("no element column and " + (type < 0 ? "no type column" : "no type-to-element map given")
                    + "; add 'element' to the dump (dump_modify element ...) or pass a type map");
        }
        return new Columns(at.getOrDefault("id", -1), type, element, pos, kind, image, triple(at, "vx", "vy", "vz"), names.length);
    }

    private static int[] triple(Map<String, Integer> at, String a, String b, String c) {
        if (!at.containsKey(a) || !at.containsKey(b) || !at.containsKey(c)) return null;
        return new int[] {at.get(a), at.get(b), at.get(c)};
    }

    private double[] numbers(String line, int count, String what) {
        String[] tok = line.trim().split("\\s+");
        if (tok.length < count) throw in.error("expected " + count + " numbers for " + what + ", got " + tok.length);
        double[] v = new double[count];
        for (int i = 0; i < count; i++) v[i] = in.number(tok[i], what);
        return v;
    }

    private static String truncate(String s) { return s.length() > 60 ? s.substring(0, 57) + "..." : s; }
}
