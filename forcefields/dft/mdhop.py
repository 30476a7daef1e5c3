#!/usr/bin/env python3
"""The model's own Na hops as PBE frames (the `mdhop` pieces; forcefields/dft/README.md).

    mdhop.py TRAJECTORY HOPS_CSV FRAME_DT_PS HOP_NUMBER OUT.extxyz

TRAJECTORY is the model's production trajectory (extended XYZ), HOPS_CSV the `hops.csv` that `paddlewheel analyze
--structure SITES` wrote for it, HOP_NUMBER counts its rows from 1. Why: the study's Na activation energies come from
hops the model makes in MD, along paths no PBE scan of the dataset follows (a hopping Na of the bundled model lingers
~2 A from both sites for picoseconds). Five MD frames of one hop are written unchanged: the last frame on the old
site, the frames one quarter, one half (the "dwell" frame, where the ion is farthest from both ends) and three
quarters along the ion's path, and the first frame on the new site. A frozen environment with the ion moved would
give a noise-free profile, but over a picosecond-long hop the neighbours move into the ends' space (a 1.5 A Na-H
contact); real frames instead, and the comparison is local: the force on the hopping ion, PBE against the model,
integrated along its path (`mdhop_work.py`). Positions in A; the header carries `mdhop_atom` (1-based),
`mdhop_point` and `mdhop_time_ps`.
"""
import csv
import re
import sys

import numpy as np


def read_frames(path):
    frames, lines, i = [], open(path).read().splitlines(), 0
    while i < len(lines):
        n = int(lines[i])
        lat = np.array([float(v) for v in re.search(r'Lattice="([^"]+)"', lines[i + 1]).group(1).split()]).reshape(3, 3)
        rows = [l.split() for l in lines[i + 2:i + 2 + n]]
        frames.append((lat, [r[0] for r in rows], np.array([[float(v) for v in r[1:4]] for r in rows])))
        i += 2 + n
    return frames


def unwrap(p, ref, lat):
    """p moved by lattice vectors to its minimum image nearest ref."""
    d = (p - ref) @ np.linalg.inv(lat)
    return ref + (d - np.round(d)) @ lat


def main(traj, hops_csv, dt_ps, number, out):
    frames = read_frames(traj)
    rows = list(csv.DictReader(open(hops_csv)))
    if not 1 <= number <= len(rows):
        sys.exit(f"mdhop: {hops_csv} has {len(rows)} hops, asked for number {number}")
    h = rows[number - 1]
    atom = int(h["atom"]) - 1
    leave, enter = round(float(h["t_leave_ps"]) / dt_ps), round(float(h["t_enter_ps"]) / dt_ps)
    window = max(1, round(0.5 / dt_ps))
    if leave - window < 0 or enter + window >= len(frames):
        sys.exit(f"mdhop: hop {number} lies within 0.5 ps of the trajectory's ends")
    # the ion's path, unwrapped frame to frame, from leave to enter
    path = [frames[leave][2][atom]]
    for k in range(leave + 1, enter + 1):
        path.append(unwrap(frames[k][2][atom], path[-1], frames[k][0]))
    path = np.array(path)
    before = [unwrap(frames[k][2][atom], path[0], frames[k][0]) for k in range(leave - window, leave + 1)]
    after = [unwrap(frames[k][2][atom], path[-1], frames[k][0]) for k in range(enter, enter + window + 1)]
    start, end = np.mean(before, axis=0), np.mean(after, axis=0)
    # the dwell frame: the path's point farthest from both end sites
    far = np.minimum(np.linalg.norm(path - start, axis=1), np.linalg.norm(path - end, axis=1))
    dwell = int(np.argmax(far))
    arc = np.concatenate([[0], np.cumsum(np.linalg.norm(np.diff(path, axis=0), axis=1))])
    q1 = int(np.argmin(abs(arc - 0.5 * arc[dwell])))
    q3 = dwell + int(np.argmin(abs(arc[dwell:] - 0.5 * (arc[dwell] + arc[-1]))))
    with open(out, "w") as f:
        for label, k in (("leave", 0), ("quarter", q1), ("dwell", dwell), ("three-quarters", q3), ("enter", len(path) - 1)):
            lat, species, pos = frames[leave + k]
            d = (pos - pos[atom]) @ np.linalg.inv(lat)
            r = np.linalg.norm((d - np.round(d)) @ lat, axis=1)
            r[atom] = np.inf
            print(f"mdhop: hop {number} (atom {atom + 1}) {label} at {(leave + k) * dt_ps:.2f} ps: "
                  f"{np.linalg.norm(path[k] - start):.2f} A from its old site, {np.linalg.norm(path[k] - end):.2f} A from the new, "
                  f"closest {species[int(np.argmin(r))]} {r.min():.2f} A", file=sys.stderr)
            f.write(f"{len(species)}\n")
            f.write('Lattice="' + " ".join(f"{v:.10f}" for v in lat.ravel()) + '" Properties=species:S:1:pos:R:3 '
                    f'mdhop_atom={atom + 1} mdhop_point={label} mdhop_time_ps={(leave + k) * dt_ps:.3f} pbc="T T T"\n')
            for s_, x in zip(species, pos):
                f.write(f"{s_} {x[0]:.8f} {x[1]:.8f} {x[2]:.8f}\n")

if __name__ == "__main__":
    if len(sys.argv) != 6:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4]), sys.argv[5])
