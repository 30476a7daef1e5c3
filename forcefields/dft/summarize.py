#!/usr/bin/env python3
"""Summary tables of the labelled frames (forcefields/dft/*.extxyz) for README.md: counts per group and scan profiles.

  summarize.py            prints markdown: dataset counts, cost per single point, scan energies
  summarize.py --readme   rewrites the counts table under "## What is done" in README.md in place
"""
import glob
import gzip
import io
import os
import re
import sys

here = os.path.dirname(os.path.abspath(__file__))

# --readme: everything below prints into a buffer, and its first table then replaces the README's (end of file)
README_MODE = "--readme" in sys.argv
if README_MODE:
    sys.stdout = io.StringIO()
rows = []
# forcefields/dft/*.extxyz; data/*.extxyz.gz is where pieces lived until 2 Dec 2026 (generate.sh moves them)
paths = sorted(glob.glob(os.path.join(here, "*.extxyz")) + glob.glob(os.path.join(here, "data", "*.extxyz.gz")))
for path in paths:
    piece = re.sub(r"\.extxyz(\.gz)?$", "", os.path.basename(path))
    with (gzip.open(path, "rt") if path.endswith(".gz") else open(path)) as f:
        lines = f.read().split("\n")
    i = 0
    while i < len(lines) and lines[i].strip():
        n = int(lines[i])
        head = lines[i + 1]
        kv = dict(re.findall(r'(\w+)=("[^"]*"|\S+)', head))
        if "net_force_eV_per_A" in kv:
            net = float(kv["net_force_eV_per_A"])
        else:  # optimisation steps (dft relax-frames) carry no net force: |sum of the forces| from the columns (pos 1-3, forces 4-6)
            sf = [0.0, 0.0, 0.0]
            for ln in lines[i + 2:i + 2 + n]:
                t = ln.split()
                for k in range(3):
                    sf[k] += float(t[4 + k])
            net = sum(c * c for c in sf) ** 0.5
        # an optimisation step has no wall time of its own: kept out of the cost table (NaN)
        rows.append((piece, n, float(kv["energy"]), kv["config_type"], net,
                     int(kv.get("scf_steps", 0)), kv.get("scf_guess", "optimisation step"), float(kv.get("wall_s", "nan"))))
        i += 2 + n

groups = {}
for r in rows:
    groups.setdefault(r[3], []).append(r)
print("| group | configurations | atoms | force components | max net force (eV/Å) |")
print("|---|---|---|---|---|")
tot_c = tot_f = 0
for g, rs in groups.items():
    fc = sum(3 * r[1] for r in rs)
    tot_c += len(rs)
    tot_f += fc
    print("| %s | %d | %s | %d | %.4f |" % (g, len(rs), "/".join(sorted({str(r[1]) for r in rs})), fc, max(r[4] for r in rs)))
print("| **total** | **%d** | | **%d** (target ≥ 30,000) | |" % (tot_c, tot_f))
print()
print("| atoms | SCF start | SCF steps | wall (s) | configurations |")
print("|---|---|---|---|---|")
cost = {}
for r in rows:
    if r[7] == r[7]:  # not NaN
        cost.setdefault((r[1], r[6]), []).append(r)
for (n, guess), rs in sorted(cost.items()):
    print("| %d | %s | %.0f | %.0f | %d |" % (n, guess, sum(r[5] for r in rs) / len(rs), sum(r[7] for r in rs) / len(rs), len(rs)))
print()
print("| scan | energies relative to the first frame (eV) |")
print("|---|---|")
for g, rs in groups.items():
    if g.startswith("scan"):
        e0 = rs[0][2]
        print("| %s | %s |" % (g, ", ".join("%.3f" % (r[2] - e0) for r in rs)))

if README_MODE:
    # the first table printed above replaces the one under "## What is done" (header row to the total row)
    out, sys.stdout = sys.stdout.getvalue(), sys.__stdout__
    table = out.split("\n\n")[0].strip("\n").split("\n")
    readme = os.path.join(here, "README.md")
    lines = open(readme).read().split("\n")
    start = lines.index("## What is done")
    a = next(i for i in range(start, len(lines)) if lines[i].startswith("| group | configurations |"))
    b = next(i for i in range(a, len(lines)) if lines[i].startswith("| **total** |"))
    lines[a:b + 1] = table
    open(readme, "w").write("\n".join(lines))
    print("README.md: %s" % table[-1])
