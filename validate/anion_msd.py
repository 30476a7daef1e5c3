#!/usr/bin/env python3
"""Is the anion lattice still a crystal? Mean-square displacement of the anion centres over an extxyz trajectory.

The centres (default B and N; O too if present) are unwrapped frame to frame in fractional coordinates and their
common drift removed; the MSD of the last frame from the first is printed in Å² with the largest single displacement.
In a crystal it stays at the vibrational level (x = 1 at 300 K, 100 ps: 0.3-0.5 Å²; session 18); a cell whose
anions diffuse has melted or gone amorphous (a fit that did so at 300 K reached 2.7-3.7 Å² in 20 ps). Plain Python 3.
Prints "msd_A2 max_displacement_A crystal" with crystal yes/no for msd below --max-msd. Reads extxyz, or VASP XDATCAR
(a file whose name contains XDATCAR; fixed or variable cell), which validate/force-field.sh writes; `msd(frames, kinds)` is
what validate/force_field_report.py calls.
"""
import argparse, math, re, sys


def frames(path):
    with open(path) as f:
        line_no = 0
        while True:
            head = f.readline(); line_no += 1
            if not head.strip():
                return
            try:
                n = int(head)
            except ValueError:
                sys.exit("%s: line %d: expected an atom count, got %r" % (path, line_no, head.strip()[:40]))
            info = f.readline(); line_no += 1
            m = re.search(r'Lattice="([^"]+)"', info)
            if not m:
                sys.exit("%s: line %d: expected Lattice=\"...\" in the comment line" % (path, line_no))
            lat = [float(v) for v in m.group(1).split()]
            rows = [f.readline().split() for _ in range(n)]; line_no += n
            yield [lat[0:3], lat[3:6], lat[6:9]], [(r[0], [float(v) for v in r[1:4]]) for r in rows]


def inv3(m):
    (a, b, c), (d, e, f), (g, h, i) = m
    det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g)
    return [[(e * i - f * h) / det, (c * h - b * i) / det, (b * f - c * e) / det],
            [(f * g - d * i) / det, (a * i - c * g) / det, (c * d - a * f) / det],
            [(d * h - e * g) / det, (b * g - a * h) / det, (a * e - b * d) / det]]


def frac(lat, x):
    # x = s0 a + s1 b + s2 c (rows of lat) -> s = x inv(lat)
    inv = inv3(lat)
    return [sum(x[k] * inv[k][j] for k in range(3)) for j in range(3)]


def xdatcar_frames(path):
    """(lattice rows, [(species, Cartesian position)]) per frame of a VASP 5 XDATCAR (fixed or variable cell)."""
    with open(path) as f:
        lines = f.read().splitlines()
    i = 0; lat = names = counts = None
    while i < len(lines):
        if not lines[i].strip():
            i += 1; continue
        if not lines[i].strip().lower().startswith("direct"):
            try:
                scale = float(lines[i + 1])
                lat = [[scale * float(v) for v in lines[i + 2 + k].split()[:3]] for k in range(3)]
                names = lines[i + 5].split(); counts = [int(v) for v in lines[i + 6].split()]
            except (ValueError, IndexError):
                sys.exit("%s: line %d: expected an XDATCAR header (comment, scale, 3 lattice rows, species, counts)" % (path, i + 1))
            i += 7
            continue
        if lat is None:
            sys.exit("%s: line %d: a configuration before any header" % (path, i + 1))
        species = [s for s, c in zip(names, counts) for _ in range(c)]
        rows = lines[i + 1:i + 1 + len(species)]
        if len(rows) < len(species):
            sys.exit("%s: line %d: expected %d coordinate lines, the file ends" % (path, i + 1, len(species)))
        fr = [[float(v) for v in r.split()[:3]] for r in rows]
        yield lat, [(sp, [sum(f[k] * lat[k][j] for k in range(3)) for j in range(3)]) for sp, f in zip(species, fr)]
        i += 1 + len(species)


def msd(frame_iter, kinds):
    """(MSD in Å², largest displacement in Å) of the atoms of `kinds` from the first frame to the last, drift removed."""
    prev = unwrapped = first = None; lat = None
    for lat, atoms in frame_iter:
        s = [frac(lat, x) for sp, x in atoms if sp in kinds]
        if prev is None:
            unwrapped = [list(v) for v in s]; first = [list(v) for v in s]
        else:
            for u, p, c in zip(unwrapped, prev, s):
                for j in range(3):
                    d = c[j] - p[j]; u[j] += d - round(d)
        prev = s
    if not first:
        return None
    n = len(first)
    drift = [sum(u[j] - f[j] for u, f in zip(unwrapped, first)) / n for j in range(3)]
    d2 = []
    for u, f in zip(unwrapped, first):
        ds = [u[j] - f[j] - drift[j] for j in range(3)]
        dx = [sum(ds[k] * lat[k][j] for k in range(3)) for j in range(3)]
        d2.append(sum(v * v for v in dx))
    return sum(d2) / n, math.sqrt(max(d2))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("trajectory")
    ap.add_argument("--centres", default="B,N,O")
    ap.add_argument("--max-msd", type=float, default=1.5, help="Å² (default 1.5)")
    a = ap.parse_args()
    kinds = set(a.centres.split(","))
    it = xdatcar_frames(a.trajectory) if "XDATCAR" in a.trajectory else frames(a.trajectory)
    r = msd(it, kinds)
    if r is None:
        sys.exit("%s: line 1: expected frames with %s atoms" % (a.trajectory, a.centres))
    print("%.3f %.2f %s" % (r[0], r[1], "yes" if r[0] < a.max_msd else "no"))


if __name__ == "__main__":
    main()
