#!/usr/bin/env bash
# Regenerates forcefields/<model>.validation.md: NPT lattice parameters at 300 K (x = 0, 0.5, 1;
# 3x3x3; NaBH4 and Na2O), molecule integrity and cubic average 250–700 K, BH4 reorientation in NaBH4 (300–500 K)
# against published activation energies, and the model against the DFT reference data
# (`paddlewheel dft compare`: errors per element, scan and relaxed-scan barriers, 0 K lattices). Since session 28 also
# NaBH4's reorientation at the measured lattice (NVT, 3c) beside the NPT one, and the model's pressure against PBE's on the
# thermal DFT frames with the a(300 K) that offset implies for PBE itself (4b, validate/pressure_offset.py): which part of
# an a(300 K) or Ea miss is PBE's and which the model's.
# Usage: validate/force-field.sh [--quick] [--ff NAME_OR_JSON] [--work DIR] [--out FILE]
#   --out: the report (default forcefields/<model name>.validation.md, the name without .json).
#   --quick: 3 ps equilibration + 2 ps production per run (NaBH4: 3 ps), about 10 minutes on 2 cores. Until session 16
#   quick mode equilibrated 1 ps, which the barostat (tau_p 1 ps) needs ~3 ps to outgrow: x = 1 still expanded from 4.86 to
#   4.92 A between 1 and 3 ps, and the reports showed a(300 K) 2 % low at P = +0.4-0.6 GPa in a 0 GPa run.
#   full (default): 3 ps + 20 ps per run (NaBH4: 3 + 20 ps); 1320 s for the bundled DFT model with sections 3c and 4b (session 28,
#   beside another MD job); before them 843 s (6 Dec 2026, beside a
#   `study --full`), 980 s for the session-16 one.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
pw="$here/paddlewheel"
ff=na-amide-borohydride
mode=full
work=""
outfile=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) mode=quick ;;
    --ff) ff="$2"; shift ;;
    --work) work="$2"; shift ;;
    --out) outfile="$2"; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
[[ -f "$ff" ]] && ff="$(cd "$(dirname "$ff")" && pwd)/$(basename "$ff")"
outfile="${outfile:-$here/forcefields/$(basename "${ff%.json}").validation.md}"
[[ "$outfile" = /* ]] || outfile="$PWD/$outfile"
if [[ $mode == quick ]]; then eq=3ps; prod=2ps; rot=3ps; else eq=3ps; prod=20ps; rot=20ps; fi
work="${work:-$(mktemp -d /tmp/ff-validate.XXXX)}"
mkdir -p "$work"
cd "$work"
echo "validation ($mode) in $work" >&2
start=$(date +%s)

md() { # name input T time [nvt | npt PRESSURE]   (default: NPT at 0 GPa)
  local ens=(--ensemble npt --pressure 0GPa)
  [[ ${5:-} == nvt ]] && ens=(--ensemble nvt)
  [[ ${5:-} == npt ]] && ens=(--ensemble npt --pressure "$6")
  "$pw" md -i "$2" --ff "$ff" "${ens[@]}" --temperature "$3" --equilibrate "$eq" --time "$4" \
    --every 50fs --format xdatcar --seed 1 -o "$1" --quiet > "$1.log" 2>&1
}

# 1. antiperovskites, 3x3x3, relaxed at fixed cell first (as-built contacts), NPT 300 K
for x in 0 0.5 1; do
  "$pw" build antiperovskite --x $x --supercell 3x3x3 --seed 1 -o ap_$x.vasp > /dev/null 2>&1
  "$pw" relax -i ap_$x.vasp --ff "$ff" --fmax 0.05 -o ap_${x}_r.vasp > /dev/null || true
  md npt300_x$x ap_${x}_r.vasp 300K "$prod"
done
# 2. integrity and cubic average at 250 K and 700 K (x = 0 and x = 1)
for x in 0 1; do
  for t in 250 700; do md npt${t}_x$x ap_${x}_r.vasp ${t}K "$prod"; done
done
# 3. NaBH4 (Fm-3m, 2x2x2 conventional = 192 atoms), BH4 reorientation at 300, 400, 500 K
"$pw" build supercell "$here/forcefields/fit/NaBH4.vasp" --supercell 2x2x2 -o nabh4.vasp > /dev/null
reorientation_runs() { # prefix [nvt]: NaBH4 MD at 300, 400, 500 K and the rotation analysis of each (an_<prefix>_<T>.json)
  for t in 300 400 500; do
    md ${1}_$t nabh4.vasp ${t}K "$rot" ${2:-}
    "$pw" analyze ${1}_$t/XDATCAR --timestep 0.5fs --temperature ${t}K -o an_${1}_$t --quiet --json > an_${1}_$t.json 2>/dev/null
  done
}
reorientation_runs nabh4
# 3c. NaBH4 at the measured lattice (NVT, the cell as built, 6.163 Å): the reorientation without the model's own thermal
#     swelling. Session 28: the bundled model's Ea is 0.048 eV at its own volume (a(300 K) +5 %) and 0.090 eV here, so the
#     volume, not only the barrier, sets the NPT number.
reorientation_runs nabh4nvt nvt
# 3b. Na2O (antifluorite, 2x2x2 conventional = 96 atoms) at 300 K, for its lattice parameter
"$pw" build supercell "$here/forcefields/fit/Na2O.vasp" --supercell 2x2x2 -o na2o.vasp > /dev/null
md na2o_300 na2o.vasp 300K "$prod"
for d in npt300_x0 npt300_x0.5 npt300_x1 npt250_x1 npt700_x1; do
  "$pw" analyze $d/XDATCAR --timestep 0.5fs --temperature 300K -o an_$d --quiet --json > an_$d.json 2>/dev/null || true
done
# 4. against the DFT reference data (every number beside the DFT-model issue's target), with the per-frame pressures
compared=no
if (cd "$here" && "$pw" dft compare --ff "$ff" --report "$work/dft-compare" --frames-csv "$work/dft-frames.csv" > /dev/null 2> "$work/dft-compare.log"); then
  compared=yes
  # 4b. the model at 300 K and P = (its pressure − PBE's on the thermal frames near 300 K): PBE's own a(300 K), to first
  #     order (validate/pressure_offset.py)
  for c in x1:ap_1_r.vasp nabh4:nabh4.vasp na2o:na2o.vasp; do
    dp=$(python3 "$here/validate/pressure_offset.py" "$work/dft-frames.csv" --offset "${c%%:*}")
    [[ -n $dp ]] && md "pbe300_${c%%:*}" "${c#*:}" 300K "$prod" npt "${dp}GPa"
  done
else
  echo "dft compare failed (see $work/dft-compare.log); the report has no DFT section" >&2
fi
elapsed=$(( $(date +%s) - start ))
python3 "$here/validate/force_field_report.py" "$work" "$mode" "$elapsed" "$ff" > "$outfile.tmp"
if [[ $compared == yes ]]; then
  { echo; echo "## 4. Against the DFT reference data (\`paddlewheel dft compare\`, forcefields/dft/)"; echo
    sed -e '1d' -e 's/^## /### /' "$work/dft-compare/dft-compare.md"
    python3 "$here/validate/pressure_offset.py" "$work/dft-frames.csv" --report "$work"; } >> "$outfile.tmp"
fi
mv "$outfile.tmp" "$outfile"
echo "wrote $outfile ($elapsed s)" >&2
