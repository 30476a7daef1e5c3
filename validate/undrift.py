#!/usr/bin/env python3
"""Remove the framework's centre-of-mass drift from an extended-XYZ trajectory (stdin-free, streaming).

Why: the Langevin thermostat acts on every atom independently, so the total momentum is not conserved
and the whole crystal performs a random walk with D_com = kT / (M_total * gamma) (about 1.5e-6 cm2/s for
a 3x3x3 Na3O(BH4) cell at 500 K and gamma = 10/ps). Unless it is removed, that walk shows up as Na
diffusion and, once it exceeds a site radius, as Na "hops" between fixed reference sites.

The framework (default: the anion centres O, B, N) is unwrapped in fractional coordinates frame by
frame (minimum image); its mass-weighted mean fractional displacement since frame 0 is subtracted from
every atom, and positions are written back in Cartesian with that frame's cell.
Usage: undrift.py IN.extxyz OUT.extxyz [O,B,N]
"""
import sys
import numpy as np

MASS = {"H": 1.008, "B": 10.81, "N": 14.007, "O": 15.999, "Na": 22.99, "Cl": 35.45}


def frames(path):
    with open(path) as f:
        while True:
            line = f.readline()
            if not line.strip():
                return
            n = int(line)
            header = f.readline()
            rows = [f.readline().split() for _ in range(n)]
            yield header, rows


def main():
    src, dst = sys.argv[1], sys.argv[2]
    fw_species = set((sys.argv[3] if len(sys.argv) > 3 else "O,B,N").split(","))
    prev = None
    shift = None
    fw = m = None
    with open(dst, "w") as out:
        for header, rows in frames(src):
            lat = np.array([float(v) for v in header.split('Lattice="')[1].split('"')[0].split()]).reshape(3, 3)
            if fw is None:
                species = [r[0] for r in rows]
                fw = np.array([s in fw_species for s in species])
                if not fw.any():
                    raise SystemExit("no framework atoms of %s" % sorted(fw_species))
                m = np.array([MASS[s] for s in species])[fw]
            cart = np.array([[float(v) for v in r[1:4]] for r in rows])
            frac = cart @ np.linalg.inv(lat)
            if prev is None:
                shift = np.zeros(3)
            else:
                d = frac[fw] - prev[fw]
                d -= np.round(d)
                shift += (d * m[:, None]).sum(0) / m.sum()
            prev = frac
            new = (frac - shift) @ lat
            out.write("%d\n%s" % (len(rows), header))
            for r, p in zip(rows, new):
                out.write("%-4s %16.10f %16.10f %16.10f%s\n" % (r[0], p[0], p[1], p[2],
                          (" " + " ".join(r[4:])) if len(r) > 4 else ""))
    print("framework drift at the last frame (fractional): %s" % np.round(shift, 4), file=sys.stderr)


if __name__ == "__main__":
    main()
