#!/usr/bin/env python3
"""Which UF3 term makes a model's energy difference: E(frame K) − E(anchor frame), split over the pair and triple splines.

  uf3_terms.py MODEL.json LABELLED.extxyz ANCHOR K [K ...] [--double-c]

For each spline term of MODEL (every `pairs` entry of style uf3 and every `three_body` entry) the model is evaluated with
that term's coefficients set to zero; the term's share of E(K) − E(anchor) is the full difference minus the difference
without it (eV per cell of the file). The shares add up to the UF3 part of the difference exactly when the terms are
independent, which they are (a linear model); the rest (Ewald, bonded) is printed as "other". With --double-c each frame
is first repeated along c (configs.py double-c), for the 2x2x1 cells whose c (4.6-4.7 Å) is below the engine's minimum
width; energies are then halved. Session 19 used it on the self-labelled x = 1 frames: the bundled model's spurious
low start (0.35 eV above PBE's minimum in PBE, 0.33 below it in the model) owes −0.62 eV to UF3, mostly Na–H(B) −0.27,
Na–H(N) −0.16 and Na–N −0.11, against +0.30 eV of Coulomb (forcefields/README.md, "Seen in session 19").
Needs ./paddlewheel (run from the repository root or anywhere: the path is found from this file). Standard library only.
"""
import copy
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
PW = os.path.join(HERE, "..", "..", "paddlewheel")


def zero(x):
    return [zero(y) for y in x] if isinstance(x, list) else 0.0


def energy(model_path, frame_path):
    r = subprocess.run([PW, "energy", "-i", frame_path, "--ff", model_path, "--json"], capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit("%s: paddlewheel energy failed: %s" % (frame_path, (r.stderr or r.stdout).strip().splitlines()[-1:]))
    return json.loads(r.stdout)["total_eV"]


def main(argv):
    args = [a for a in argv[1:] if a != "--double-c"]
    double = "--double-c" in argv
    if len(args) < 4:
        sys.exit(__doc__)
    model, data, idx = args[0], args[1], [int(a) for a in args[2:]]
    m = json.load(open(model))
    tmp = tempfile.mkdtemp(prefix="uf3-terms-")
    frames = []
    for k in idx:
        f = os.path.join(tmp, "f%d.extxyz" % k)
        op = "double-c" if double else "frame"
        subprocess.run([sys.executable, os.path.join(HERE, "configs.py"), op, data, str(k), f], check=True)
        frames.append(f)
    scale = 0.5 if double else 1.0

    def diffs(mm, tag):
        p = os.path.join(tmp, "m-%s.json" % tag)
        json.dump(mm, open(p, "w"))
        e = [scale * energy(p, f) for f in frames]
        return [x - e[0] for x in e[1:]]

    full = diffs(m, "full")
    terms = [("pairs", i, "-".join(p["species"])) for i, p in enumerate(m.get("pairs", [])) if p.get("style") == "uf3"]
    terms += [("three_body", i, "-".join(t["species"])) for i, t in enumerate(m.get("three_body", []))]
    print("frames %s against anchor %d (eV per cell)" % (" ".join(str(k) for k in idx[1:]), idx[0]))
    print("%-22s %s" % ("total", " ".join("%+.3f" % x for x in full)))
    uf3 = [0.0] * len(full)
    for kind, i, name in terms:
        mm = copy.deepcopy(m)
        mm[kind][i]["coefficients"] = zero(mm[kind][i]["coefficients"])
        share = [a - b for a, b in zip(full, diffs(mm, "z"))]
        uf3 = [u + s for u, s in zip(uf3, share)]
        if any(abs(s) >= 0.0005 for s in share):
            print("%-22s %s" % ("%s %s" % ("pair" if kind == "pairs" else "triple", name), " ".join("%+.3f" % s for s in share)))
    print("%-22s %s" % ("uf3 (sum)", " ".join("%+.3f" % x for x in uf3)))
    print("%-22s %s" % ("other (Ewald, bonded)", " ".join("%+.3f" % (a - u) for a, u in zip(full, uf3))))


if __name__ == "__main__":
    main(sys.argv)
