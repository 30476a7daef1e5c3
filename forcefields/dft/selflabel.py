#!/usr/bin/env python3
"""Inputs of the generator's `selflabel` stage: a model's own relaxed minima, for PBE to label.

A model fitted to PBE can relax a PBE start or dividing plane into a structure PBE never saw (session 18: the
`-nbc4` candidate's relaxed x = 0 planes lie 0.28-0.37 eV below PBE's). PBE single points on those structures
tell the next fit where its minima are wrong. `paddlewheel dft compare --ff MODEL --write-relaxed DIR` writes them
(<scan>-start.extxyz, <scan>-plane.extxyz, in the DFT cell); this script gathers them, per cell, into one piece
beside the PBE-relaxed starts of that cell. The 2x2x1 Γ-point cells are fitted by energy differences within a
group (fit-ff --relative-energy), and a piece is one group, so the PBE starts anchor the models' minima: the fit
sees how far above PBE's own minimum PBE puts each of them.

Frames are carried into the cell of the piece's first PBE start by their fractional coordinates (the dividing-plane
cells are that cell turned rigidly, vectors in the same order; checked to 1e-6 relative in lengths and angles), so
that CP2K runs in the orthogonal cell (its grids are several times slower in a turned one).

  selflabel.py [--no-anchors] OUTDIR ROUND TAG=DIR [TAG=DIR ...]

writes OUTDIR/self-x0-ROUND.extxyz, OUTDIR/self-x1-ROUND.extxyz (one per cell that has frames) and appends their
frames to OUTDIR/PIECES.tsv (piece, charge, frame, origin, relaxed_by). With --no-anchors the PBE starts are left out
(they are the same structures every round, 2 + 3 single points, about 20 min at one rank): `dft compare` then measures
the piece from an earlier piece's anchors in the same cell (OwnMinima), and a fit sees the piece's minima against those
anchors only when the rounds share one relative-energy group (fit-ff --relative-energy-key '(self-x\d)'); without it,
only the differences among the piece's own minima.

  selflabel.py annotate PIECES.tsv LABELLED.extxyz

adds origin=<scan>-<start|plane> and relaxed_by=<model tag, or PBE> to each frame's comment line of a labelled piece
(the single points keep only config_type and source), so that `dft compare` can list the models' minima by name.
Standard library only.
"""
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import configs  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
STRUCTURES = os.path.join(HERE, "data", "structures")
# cell -> (charge, PBE-relaxed starts that anchor the group, scans whose model minima go in)
CELLS = {
    "x0": (-1, ["scan-hop-x0-start", "scan-hop-x0-tilt-start"],
           ["scan-hop-x0-start", "scan-hop-x0-plane", "scan-hop-x0-tilt-start", "scan-hop-x0-tilt-plane"]),
    "x1": (0, ["scan-hop-x1-start", "scan-hop-x1-tilt-start", "scan-hop-x1-low-start"],
           ["scan-hop-x1-start", "scan-hop-x1-tilt-start", "scan-hop-x1-low-start", "scan-hop-x1-low-plane"]),
}


def metric(cell):
    g = [[sum(cell[i][k] * cell[j][k] for k in range(3)) for j in range(3)] for i in range(3)]
    return g


def same_lattice(a, b, tol=1e-6):
    ga, gb = metric(a), metric(b)
    return all(abs(ga[i][j] - gb[i][j]) <= tol * math.sqrt(ga[i][i] * ga[j][j]) for i in range(3) for j in range(3))


def into(cell, frame, path):
    """The frame carried into `cell` by its fractional coordinates (same lattice, turned)."""
    fcell, atoms = frame
    if not same_lattice(cell, fcell):
        raise SystemExit(f"{path}: its cell is not the piece's cell turned (metric tensors differ by more than 1e-6)")
    return (cell, [[a[0]] + configs.cart(cell, configs.frac(fcell, a[1:])) for a in atoms])


def annotate(tsv, labelled):
    piece = os.path.basename(labelled).split(".")[0]
    rows = {}
    with open(tsv) as t:
        for ln in t.read().splitlines()[1:]:
            c = ln.split("\t")
            if len(c) >= 5 and c[0] == piece:
                rows[int(c[2])] = (c[3], c[4])
    lines = open(labelled).read().split("\n")
    i = k = 0
    while i < len(lines) and lines[i].strip():
        n = int(lines[i])
        if k not in rows:
            raise SystemExit(f"{tsv}: no row for frame {k} of piece {piece} ({labelled}, line {i + 2})")
        head = lines[i + 1]
        if " origin=" not in head:
            lines[i + 1] = head + " origin=%s relaxed_by=%s" % rows[k]
        i += 2 + n; k += 1
    if k != len(rows):
        raise SystemExit(f"{labelled}: {k} frames, {tsv} lists {len(rows)} for {piece}")
    tmp = labelled + ".tmp"
    open(tmp, "w").write("\n".join(lines))
    os.replace(tmp, labelled)


def main(argv):
    if len(argv) == 4 and argv[1] == "annotate":
        return annotate(argv[2], argv[3])
    if len(argv) < 4:
        raise SystemExit(__doc__)
    no_anchors = "--no-anchors" in argv
    argv = [a for a in argv if a != "--no-anchors"]
    if len(argv) < 4:
        raise SystemExit(__doc__)
    out, rnd, models = argv[1], argv[2], [a.split("=", 1) for a in argv[3:]]
    os.makedirs(out, exist_ok=True)
    rows = []
    for cell_name, (charge, anchors, scans) in CELLS.items():
        frames, origins = [], []
        ref = None
        for a in anchors:
            p = os.path.join(STRUCTURES, "relaxed-" + a + ".extxyz")
            if not os.path.exists(p):
                continue
            f = configs.read(p)[0]
            ref = ref or f[0]
            if not no_anchors:
                frames.append(into(ref, f, p))
                origins.append((a, "PBE"))
        if ref is None:
            continue
        for tag, d in models:
            for s in scans:
                p = os.path.join(d, s + ".extxyz")
                if not os.path.exists(p):
                    continue
                frames.append(into(ref, configs.read(p)[0], p))
                origins.append((s, tag))
        if not origins or all(m == "PBE" for _, m in origins):
            continue  # no model minima for this cell
        piece = f"self-{cell_name}-{rnd}"
        configs.write(os.path.join(out, piece + ".extxyz"), frames)
        rows += [(piece, str(charge), str(k), o, m) for k, (o, m) in enumerate(origins)]
        print(f"{piece}: {len(frames)} frames, charge {charge}")
    tsv = os.path.join(out, "PIECES.tsv")
    new = not os.path.exists(tsv)
    with open(tsv, "a") as t:
        if new:
            t.write("piece\tcharge\tframe\torigin\trelaxed_by\n")
        for r in rows:
            t.write("\t".join(r) + "\n")


if __name__ == "__main__":
    main(sys.argv)
