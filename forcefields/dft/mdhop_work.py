#!/usr/bin/env python3
"""PBE against a model on the forces of the hopping Na in the `mdhop` pieces (written by mdhop.sh).

    mdhop_work.py [--ff MODEL] [PIECE.extxyz ...]     # default: forcefields/dft/mdhop-*.extxyz, the bundled model

For each piece (five MD frames of one hop, in time order) the hopping ion is the Na that moves farthest from the first
frame to the last. Printed per frame: its PBE force, the model's force on the same frame and their difference, beside
the RMS of that difference over the other Na (the control: how wrong the model is on Na that do not hop). Then the
work of each force along the ion's path, W(k) = -sum_j (F(j) + F(j+1))/2 . (r(j+1) - r(j)) over the frames up to k
(trapezoids between frames; eV): the rise of the potential of mean force along the hop, to first order, as each
Hamiltonian sees it on the same frames. W_model - W_PBE at the dwell frame is the model's error on the hop's barrier
along its own path; frames picoseconds apart make it a coarse integral, so the per-frame force differences are the
primary evidence. Why: the study's Na Ea (0.02-0.05 eV) stand on these hops (forcefields/dft/README.md).
"""
import glob
import os
import re
import sys

import numpy as np

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(here)), "validate"))
from na_site_well import frames, mic, model_forces  # noqa: E402  (the same extxyz reader and model call)


def piece(path, ff):
    fr = list(frames(path))
    for f in fr:
        f["point"] = (re.search(r"mdhop_point=(\S+)", f["head"]) or re.search(r"source=(\S+)", f["head"])).group(1)
    na = [i for i, s in enumerate(fr[0]["species"]) if s == "Na"]
    moved = [np.linalg.norm(mic(fr[-1]["pos"][i] - fr[0]["pos"][i], fr[0]["lat"])) for i in na]
    atom = na[int(np.argmax(moved))]
    others = [i for i in na if i != atom]
    r = [fr[0]["pos"][atom]]
    for f in fr[1:]:
        r.append(r[-1] + mic(f["pos"][atom] - r[-1], f["lat"]))
    r = np.array(r)
    fm, em = zip(*[(mf, me) for me, mf in (model_forces(f, ff) for f in fr)])
    fp = [f["force"] for f in fr]
    print(f"\n{os.path.basename(path)}: hopping Na = atom {atom + 1} (moves {max(moved):.2f} A)")
    print("| frame | path from start (A) | F PBE on the ion (eV/A) | F model | |F model - F PBE| | RMS over the other Na | E model - E PBE rel. to frame 1 (eV) |")
    print("|---|---|---|---|---|---|---|")
    e0 = em[0] - fr[0]["energy"]
    for k, f in enumerate(fr):
        d = fm[k][atom] - fp[k][atom]
        ctrl = np.sqrt(np.mean(np.sum((fm[k][others] - fp[k][others]) ** 2, axis=1)))
        print(f"| {f['point']} | {np.linalg.norm(r[k] - r[0]):.2f} | {np.linalg.norm(fp[k][atom]):.3f} | {np.linalg.norm(fm[k][atom]):.3f} "
              f"| {np.linalg.norm(d):.3f} | {ctrl:.3f} | {em[k] - f['energy'] - e0:+.3f} |")
    w = {"PBE": [0.0], "model": [0.0]}
    for name, F in (("PBE", fp), ("model", fm)):
        for k in range(len(fr) - 1):
            w[name].append(w[name][-1] - 0.5 * (F[k][atom] + F[k + 1][atom]) @ (r[k + 1] - r[k]))
    print("work along the path W(k) (eV): PBE " + " ".join(f"{v:+.3f}" for v in w["PBE"])
          + "; model " + " ".join(f"{v:+.3f}" for v in w["model"])
          + "; model - PBE " + " ".join(f"{a - b:+.3f}" for a, b in zip(w["model"], w["PBE"])))
    dwell = [f["point"] for f in fr].index("dwell") if any(f["point"] == "dwell" for f in fr) else len(fr) // 2
    return w["model"][dwell] - w["PBE"][dwell], max(w["PBE"]), max(w["model"])


def main(argv):
    ff = "na-amide-borohydride-dft"
    if argv[:1] == ["--ff"]:
        ff, argv = argv[1], argv[2:]
    paths = argv or sorted(glob.glob(os.path.join(here, "mdhop-*.extxyz")))
    if not paths:
        sys.exit("mdhop_work: no mdhop-*.extxyz pieces")
    res = [piece(p, ff) for p in paths]
    print(f"\nmodel {ff}: W_model - W_PBE at the dwell frame per hop (eV): " + ", ".join(f"{d:+.3f}" for d, _, _ in res)
          + f"; mean {np.mean([d for d, _, _ in res]):+.3f}")


if __name__ == "__main__":
    main(sys.argv[1:])
