#!/usr/bin/env bash
# Single-point parity of the bundled na-amide-borohydride-dft (2-body table + N- and B-centred 3-body terms with bonded
# arms, constant below r_min, written with lowered first knots since session 27)
# between paddlewheel's engine and a LAMMPS built with ML-UF3, on DFT-labelled frames of forcefields/dft/ (80- and
# 76-atom x = 1 and x = 0.5 MD snapshots, and an x = 1 hop-plane frame whose cell export-lammps turns so that a lies
# along x: its forces are compared after the same turn). Debian's lmp has no ML-UF3; a LAMMPS >= 27Jun2024 built with
#   cmake ../cmake -D PKG_KSPACE=on -D PKG_MOLECULE=on -D PKG_CLASS2=on -D PKG_ML-UF3=on -D BUILD_MPI=off -D FFT=KISS
# runs it (add -D CMAKE_DISABLE_FIND_PACKAGE_MPI=ON where an MPI without headers is installed).
# Usage: validate/ml-uf3-parity.sh LMP [WORK]; prints one line per frame (results: docs/uf3-three-body.md).
set -euo pipefail
LMP=$(readlink -f "$1"); here="$(cd "$(dirname "$0")/.." && pwd)"; pw="$here/paddlewheel"
work="${2:-$(mktemp -d /tmp/ml-uf3-parity.XXXX)}"; mkdir -p "$work"; cd "$work"
ff="$here/forcefields/na-amide-borohydride-dft.json"
for spec in "md-x1-500K-1.extxyz 0" "md-x1-700K-1.extxyz 1" "md-x05-500K-1.extxyz 0" "opt-barrier-scan-hop-x1-tilt-plane-20261204T1853.extxyz 0"; do
  set -- $spec; f=$1; k=$2; tag=${f%.extxyz}-$k
  python3 "$here/forcefields/dft/configs.py" frame "$here/forcefields/dft/$f" "$k" "$tag.extxyz"
  # the thin 2x2x1 scan cells are doubled along c (cells must span twice the cut-off)
  if [[ $f == opt-* ]]; then python3 "$here/forcefields/dft/configs.py" double-c "$tag.extxyz" 0 "$tag-d.extxyz"; mv "$tag-d.extxyz" "$tag.extxyz"; fi
  rm -rf "$tag" && "$pw" export-lammps -i "$tag.extxyz" --ff "$ff" -o "$tag" 2> /dev/null
  python3 - "$tag/in.lammps" <<'PY'
import sys
p = sys.argv[1]; L = open(p).read().splitlines()
cut = next(i for i, l in enumerate(L) if l.startswith("group mobile"))
L = L[:cut] + ["thermo_style custom step pe", "thermo_modify format float %.10f",
               "dump f all custom 1 forces.dump id fx fy fz", "dump_modify f sort id format float %.10f", "run 0"]
open(p, "w").write("\n".join(L) + "\n")
PY
  (cd "$tag" && "$LMP" -in in.lammps -log log.lammps > lmp.out 2>&1) || { echo "$tag: LAMMPS failed:"; tail -5 "$tag/lmp.out"; exit 1; }
  "$pw" energy -i "$tag.extxyz" --ff "$ff" --json --forces "$tag/pw-forces.csv" > "$tag/pw.json" 2> /dev/null
  python3 - "$tag" "$ff" <<'PY'
import csv, json, math, sys
d, ff = sys.argv[1], sys.argv[2]
ae = json.load(open(ff))["atom_energies"]
assert abs(ae["HB"] - ae["HN"]) < 1e-12  # the force CSV names elements, not species
rows = list(csv.DictReader(open(d + "/pw-forces.csv")))
e = json.load(open(d + "/pw.json"))["total_eV"] - sum(ae["HB"] if r["element"] == "H" else ae[r["element"]] for r in rows)
L = open(d + "/log.lammps").read().splitlines()
i = next(i for i, l in enumerate(L) if l.split()[:2] == ["Step", "PotEng"])
pe = float(L[i + 1].split()[1])
D = open(d + "/forces.dump").read().splitlines()
j = next(i for i, l in enumerate(D) if l.startswith("ITEM: ATOMS"))
fl = [list(map(float, l.split()[1:4])) for l in D[j + 1:]]
# export-lammps turns the cell so that a lies along x (LAMMPS's restricted triclinic form); turn the engine's forces alike
a = [float(x) for x in open(d + ".extxyz").read().splitlines()[1].split('Lattice="')[1].split('"')[0].split()][:3]
phi = -math.atan2(a[1], a[0]); c, s = math.cos(phi), math.sin(phi)
fp = [[c * float(r["fx_eV_per_A"]) - s * float(r["fy_eV_per_A"]), s * float(r["fx_eV_per_A"]) + c * float(r["fy_eV_per_A"]), float(r["fz_eV_per_A"])] for r in rows]
diff = [p - q for u, v in zip(fp, fl) for p, q in zip(u, v)]
print("%-55s %3d atoms  E paddlewheel %.6f  LAMMPS %.6f eV  |dE| %.1e eV  force RMS diff %.1e eV/A (max %.1e)"
      % (d, len(rows), e, pe, abs(e - pe), math.sqrt(sum(x * x for x in diff) / len(rows)), max(abs(x) for x in diff)))
PY
done
