#!/usr/bin/env bash
# The paper's physics with the shipped force field (issue 4, item 4): Na3-xO1-x(NH2)x(BH4), 3x3x3,
# NPT (Langevin 10/ps + stochastic cell rescaling), 3 ps equilibration + PROD production at 0.5 fs,
# x = 0, 0.5, 1 free and x = 1 with Na, NH2 or BH4 frozen, at each temperature in TEMPS. Each run is
# analysed with `paddlewheel analyze` against the ideal Na sites (the x = 0 site list, so vacancies are
# sites); the per-run summary.json files are tabulated into validate/paper-physics.md.
# Before analysis the framework's (O, B, N) centre-of-mass drift is removed (validate/undrift.py): the
# engine's Langevin thermostat used not to conserve total momentum, so the whole crystal random-walked
# (about 1.5e-6 cm2/s at 500 K for 3x3x3), which read as Na diffusion and, over 50 ps, as Na "hops". The
# engine now keeps the centre of mass fixed (nothing frozen), so this step changes nothing for new runs.
# Usage: validate/paper-physics.sh [OUT_DIR]
#   env: PROD=50ps TEMPS="700" JOBS=2 SEED=1 FF=na-amide-borohydride (name or JSON path)
#        CONDS="x:T:frozen ..." (default: x = 0, 0.5, 1 free and x = 1 with Na, NH2, BH4 frozen at each T)
#        TABLE=validate/paper-physics.md (where the table goes; "-" = stdout)
#   The committed validate/paper-physics.md: TEMPS="500 700" (PROD 50ps, JOBS=1, about 30 min on 2 shared cores).
#        STUDY=DIR: no MD; analyse the trajectories of a finished `study double-paddle-wheel --full` folder instead (its
#        runs have this script's protocol: 3x3x3, NPT, 3 ps + 50 ps at 0.5 fs, a frame every 10 fs, seed 1; its
#        trajectories hold production only, so nothing is skipped), with FF taken from its campaign.json. The same
#        trajectories then pass through two analyses, the study's and `paddlewheel analyze`.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-/tmp/paper-physics}"; mkdir -p "$out"
PROD="${PROD:-50ps}"; EQ="${EQ:-3ps}"; TEMPS="${TEMPS:-700}"; JOBS="${JOBS:-2}"; SEED="${SEED:-1}"
FF="${FF:-na-amide-borohydride}"; TABLE="${TABLE:-validate/paper-physics.md}"
STUDY="${STUDY:-}"
if [[ -n "$STUDY" ]]; then
  FF=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1] + "/campaign.json"))["forceField"])' "$STUDY")
  PROD=$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1] + "/campaign.json"))["runs"][0]; print("%gps" % (r["productionFs"] / 1000))' "$STUDY")
fi
[[ -f "$FF" ]] && FF="$(cd "$(dirname "$FF")" && pwd)/$(basename "$FF")"
pw=./paddlewheel
$pw --version >/dev/null    # build once before running jobs in parallel

run_one() {   # x T frozen
  local x=$1 T=$2 fz=$3 tag="x${1}_T${2}_${3}"; local d="$out/$tag"
  [[ -f "$d/analysis/summary.json" ]] && { echo "done already: $tag"; return; }
  mkdir -p "$d"
  if [[ -n "${STUDY:-}" ]]; then study_one "$x" "$T" "$fz" "$d"; return; fi
  $pw build antiperovskite --x "$x" --supercell 3x3x3 --seed "$SEED" -o "$d/cell.vasp" -q --json > "$d/build.json"
  local a; a=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["a_A"])' "$d/build.json")
  $pw build antiperovskite --x 0 --supercell 3x3x3 --a "${a}Å" --seed "$SEED" -o "$d/sites.vasp" -q >/dev/null
  local freeze=(); [[ "$fz" != none ]] && freeze=(--freeze "$fz")
  $pw md -i "$d/cell.vasp" --ff "$FF" --temperature "${T}K" --equilibrate "$EQ" --time "$PROD" \
     --timestep 0.5fs --ensemble npt --every 10fs "${freeze[@]}" --seed "$SEED" -o "$d/md" -q ${RESUME:+--resume}
  python3 validate/undrift.py "$d/md/trajectory.extxyz" "$d/undrift.extxyz" O,B,N 2> "$d/undrift.log"
  $pw analyze "$d/undrift.extxyz" --framework O,B,N --structure "$d/sites.vasp" --mobile Na --rotors auto --timestep 0.5fs \
     --skip "$EQ" --temperature "${T}K" -o "$d/analysis" --quiet --json > /dev/null
  rm -f "$d/undrift.extxyz"
  echo "finished: $tag"
}
study_one() {   # x T frozen dir: analyse the study run of that condition (seed SEED)
  local x=$1 T=$2 fz=$3 d=$4 label run
  label=$(python3 -c 'import sys; x,T,f=sys.argv[1:4]; print("x%.2f_T%dK_%s_s%s_" % (float(x), int(T), "free" if f == "none" else f + "-frozen", sys.argv[4] if len(sys.argv) > 4 else "1"))' "$x" "$T" "$fz" "$SEED")
  [[ -n "$label" ]] || { echo "no run label for $x $T $fz" >&2; return 1; }
  run=$(ls -d "$STUDY"/runs/"$label"* 2>/dev/null | head -1)
  [[ -n "$run" && -f "$run/COMPLETE" ]] || { echo "no finished study run $label in $STUDY" >&2; rmdir "$d" 2>/dev/null; return; }
  # the ideal sites: the x = 0 cell at the run's starting lattice parameter (cell.vasp: 3x3x3)
  local a; a=$(python3 -c 'import sys; L=open(sys.argv[1]).read().split("\n"); print("%.6f" % (float(L[2].split()[0]) * float(L[1]) / 3))' "$run/cell.vasp")
  $pw build antiperovskite --x 0 --supercell 3x3x3 --a "${a}Å" --seed "$SEED" -o "$d/sites.vasp" -q >/dev/null
  $pw analyze "$run/trajectory.extxyz" --framework O,B,N --structure "$d/sites.vasp" --mobile Na --rotors auto --timestep 0.5fs \
     --temperature "${T}K" -o "$d/analysis" --quiet --json > /dev/null
  echo "analysed: $(basename "$run")"
}
export -f run_one study_one; export out pw PROD EQ SEED FF STUDY

jobs=()
if [[ -n "${CONDS:-}" ]]; then
  for c in $CONDS; do jobs+=("${c//:/ }"); done
else
  for T in $TEMPS; do
    for x in 0 0.5 1; do jobs+=("$x $T none"); done
    for fz in Na NH2 BH4; do jobs+=("1 $T $fz"); done
  done
fi
printf '%s\n' "${jobs[@]}" | xargs -P "$JOBS" -L 1 bash -c 'run_one $0 $1 $2'
if [[ "$TABLE" == - ]]; then python3 validate/paper_physics_table.py "$out" "$PROD" "$FF"
else python3 validate/paper_physics_table.py "$out" "$PROD" "$FF" > "$TABLE"; echo "wrote $TABLE"; fi
