#!/usr/bin/env python3
"""Is the anion lattice still a crystal? Mean-square displacement of the anion centres over an extxyz trajectory.

The centres (default B and N; O too if present) are unwrapped frame to frame in fractional coordinates and their
common drift removed; the MSD of the last frame from the first is printed in Å² with the largest single displacement.
In a crystal it stays at the vibrational level (x = 1 at 300 K, 100 ps: 0.3-0.5 Å²; session 18); a cell whose
anions diffuse has melted or gone amorphous (a fit that did so at 300 K reached 2.7-3.7 Å² in 20 ps). Plain Python 3.
Prints "msd_A2 max_displacement_A crystal" with crystal yes/no for msd below --max-msd.
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


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("trajectory")
    ap.add_argument("--centres", default="B,N,O")
    ap.add_argument("--max-msd", type=float, default=1.5, help="Å² (default 1.5)")
    a = ap.parse_args()
    kinds = set(a.centres.split(","))
    prev = unwrapped = first = None; lat = None
    for lat, atoms in frames(a.trajectory):
        s = [frac(lat, x) for sp, x in atoms if sp in kinds]
        if prev is None:
            unwrapped = [list(v) for v in s]; first = [list(v) for v in s]
        else:
            for u, p, c in zip(unwrapped, prev, s):
                for j in range(3):
                    d = c[j] - p[j]; u[j] += d - round(d)
        prev = s
    if not first:
        sys.exit("%s: line 1: expected frames with %s atoms" % (a.trajectory, a.centres))
    n = len(first)
    drift = [sum(u[j] - f[j] for u, f in zip(unwrapped, first)) / n for j in range(3)]
    d2 = []
    for u, f in zip(unwrapped, first):
        ds = [u[j] - f[j] - drift[j] for j in range(3)]
        dx = [sum(ds[k] * lat[k][j] for k in range(3)) for j in range(3)]
        d2.append(sum(v * v for v in dx))
    msd = sum(d2) / n
    print("%.3f %.2f %s" % (msd, math.sqrt(max(d2)), "yes" if msd < a.max_msd else "no"))


if __name__ == "__main__":
    main()
