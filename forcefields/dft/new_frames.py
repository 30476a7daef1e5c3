#!/usr/bin/env python3
"""Keep only the frames of an extxyz file that no other file already holds.

    new_frames.py CANDIDATE [EXISTING...]

Rewrites CANDIDATE in place with the frames whose energy and coordinates do not occur in any EXISTING file, and exits 1
when none is left (CANDIDATE is then removed). The generator harvests optimisation steps once per run; a relaxation
finished in an earlier run, or the steps CP2K keeps in its trajectory across a restart, would otherwise enter the
dataset twice and count double in a fit.
"""
import os
import sys


def frames(path):
    with open(path) as f:
        lines = f.read().splitlines()
    i = 0
    while i < len(lines):
        if not lines[i].strip():
            i += 1
            continue
        n = int(lines[i])
        yield lines[i:i + 2 + n]
        i += 2 + n


def key(frame):
    energy = next((t for t in frame[1].split() if t.startswith("energy=")), "")
    atoms = tuple(" ".join(l.split()[:4]) for l in frame[2:])
    return energy, atoms


def main(argv):
    cand, existing = argv[1], [p for p in argv[2:] if os.path.abspath(p) != os.path.abspath(argv[1]) and os.path.exists(p)]
    seen = {key(fr) for p in existing for fr in frames(p)}
    keep = [fr for fr in frames(cand) if key(fr) not in seen]
    if not keep:
        os.remove(cand)
        return 1
    tmp = cand + ".new"
    with open(tmp, "w") as f:
        for fr in keep:
            f.write("\n".join(fr) + "\n")
    os.replace(tmp, cand)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
