#!/usr/bin/env python3
"""The Na site well of the antiperovskites, PBE against a model, from labelled MD frames (issue 16).

    validate/na_site_well.py [--ff MODEL] [--csv OUT.csv] FRAMES.extxyz ...

Why: the study's Na activation energies (0.02-0.05 eV with the bundled DFT model, EIS 0.27-0.30) are set by how
steeply the energy rises as a Na leaves its site, which no single-configuration error (force RMSE per element) shows.
In the antiperovskite a Na sits midway between two octahedral centres (O at x = 0, N of NH2 at x = 1); its
displacement u is its distance from the midpoint of the O/N pair nearest to it (any cell, any strain). On every frame,
PBE's and the model's force on each Na are projected on u/|u| (negative: restoring) and averaged in bins of |u|; on
thermal frames that average is the mean force along |u|, and its integral from the site outwards, W(|u|) = -sum mean
F.u_hat d|u|, the rise of the well as each Hamiltonian sees it on the same frames. A model whose well is shallower than
PBE's where MD goes (|u| of 0.5-1.5 A) makes hops too cheap. Units: A, eV/A, eV. Model forces from `paddlewheel energy`.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

import numpy as np

repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINS = np.array([0.0, 0.2, 0.4, 0.6, 0.8, 1.0, 1.2, 1.5, 2.0])


def frames(path):
    lines, i = open(path).read().splitlines(), 0
    while i < len(lines):
        n = int(lines[i])
        head = lines[i + 1]
        lat = np.array([float(v) for v in re.search(r'Lattice="([^"]+)"', head).group(1).split()]).reshape(3, 3)
        props = re.search(r"Properties=(\S+)", head).group(1).split(":")
        cols, c = {}, 0
        for k in range(0, len(props), 3):
            cols[props[k]] = c
            c += int(props[k + 2])
        if "forces" not in cols:
            sys.exit(f"{path}:{i + 2}: expected a forces column (a DFT-labelled frame)")
        rows = [l.split() for l in lines[i + 2:i + 2 + n]]
        energy = re.search(r"\benergy=(\S+)", head)
        yield dict(source=f"{os.path.basename(path)}#{i}", head=head, energy=float(energy.group(1)) if energy else float("nan"),
                   lat=lat, species=[r[0] for r in rows],
                   pos=np.array([[float(v) for v in r[cols['pos']:cols['pos'] + 3]] for r in rows]),
                   force=np.array([[float(v) for v in r[cols['forces']:cols['forces'] + 3]] for r in rows]))
        i += 2 + n


def model_forces(fr, ff):
    """The model's total energy (eV) and per-atom forces (eV/A) on one frame, from `paddlewheel energy`."""
    with tempfile.TemporaryDirectory() as t:
        xyz, csv = os.path.join(t, "f.extxyz"), os.path.join(t, "f.csv")
        with open(xyz, "w") as f:
            f.write(f"{len(fr['species'])}\nLattice=\"{' '.join(f'{v:.10f}' for v in fr['lat'].ravel())}\" "
                    "Properties=species:S:1:pos:R:3 pbc=\"T T T\"\n")
            for s, x in zip(fr["species"], fr["pos"]):
                f.write(f"{s} {x[0]:.8f} {x[1]:.8f} {x[2]:.8f}\n")
        r = subprocess.run([os.path.join(repo, "paddlewheel"), "energy", "-i", xyz, "--ff", ff, "--forces", csv, "--json"],
                           capture_output=True, text=True, check=True)
        e = float(re.search(r'"total_eV"\s*:\s*([^,}\s]+)', r.stdout).group(1))
        return e, np.array([[float(v) for v in l.split(",")[2:5]] for l in open(csv).read().splitlines()[1:]])


def mic(d, lat):
    f = d @ np.linalg.inv(lat)
    return (f - np.round(f)) @ lat


def displacements(fr):
    """Per Na: u (A, vector) from the midpoint of its nearest O/N pair that lies across it; None if no such pair."""
    centres = [i for i, s in enumerate(fr["species"]) if s in ("O", "N")]
    out = {}
    for i, s in enumerate(fr["species"]):
        if s != "Na":
            continue
        d = np.array([mic(fr["pos"][j] - fr["pos"][i], fr["lat"]) for j in centres])
        near = np.argsort(np.linalg.norm(d, axis=1))[:6]
        best = None
        for a in near:
            for b in near:
                if b <= a or np.dot(d[a], d[b]) > 0:   # the pair must lie on opposite sides of the Na
                    continue
                u = -(d[a] + d[b]) / 2
                if best is None or np.linalg.norm(u) < np.linalg.norm(best):
                    best = u
        out[i] = best
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ff", default="na-amide-borohydride-dft")
    ap.add_argument("--csv")
    ap.add_argument("files", nargs="+")
    a = ap.parse_args()
    rows = []
    for path in a.files:
        for fr in frames(path):
            fm = model_forces(fr, a.ff)[1]
            for i, u in displacements(fr).items():
                if u is None or np.linalg.norm(u) < 1e-6:
                    continue
                uh = u / np.linalg.norm(u)
                rows.append((fr["source"], i + 1, np.linalg.norm(u), fr["force"][i] @ uh, fm[i] @ uh))
    if a.csv:
        with open(a.csv, "w") as f:
            f.write("source,atom,u_A,f_pbe_along_u_eV_per_A,f_model_along_u_eV_per_A\n")
            for r in rows:
                f.write(f"{r[0]},{r[1]},{r[2]:.4f},{r[3]:.5f},{r[4]:.5f}\n")
    u = np.array([r[2] for r in rows]); fp = np.array([r[3] for r in rows]); fm = np.array([r[4] for r in rows])
    print(f"model {a.ff}: {len(rows)} Na on {len(set(r[0] for r in rows))} frames of {len(a.files)} files")
    print("| |u| bin (A) | Na | mean F.u PBE (eV/A) | model | model - PBE (± 1 s.e.) | W PBE (eV) | W model | W model - PBE |")
    print("|---|---|---|---|---|---|---|---|")
    wp = wm = 0.0
    for lo, hi in zip(BINS[:-1], BINS[1:]):
        m = (u >= lo) & (u < hi)
        if m.sum() < 3:
            print(f"| {lo:.1f}-{hi:.1f} | {m.sum()} | | | | | | |")
            continue
        d = fm[m] - fp[m]
        wp -= fp[m].mean() * (hi - lo)
        wm -= fm[m].mean() * (hi - lo)
        print(f"| {lo:.1f}-{hi:.1f} | {m.sum()} | {fp[m].mean():+.3f} | {fm[m].mean():+.3f} | {d.mean():+.3f} ± {d.std(ddof=1) / np.sqrt(m.sum()):.3f} "
              f"| {wp:+.3f} | {wm:+.3f} | {wm - wp:+.3f} |")


if __name__ == "__main__":
    main()
