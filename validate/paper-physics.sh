#!/usr/bin/env bash
# The paper's physics with the shipped force field (issue 4, item 4): Na3-xO1-x(NH2)x(BH4), 3x3x3,
# NPT (Langevin 10/ps + stochastic cell rescaling), 3 ps equilibration + PROD production at 0.5 fs,
# x = 0, 0.5, 1 free and x = 1 with Na, NH2 or BH4 frozen, at each temperature in TEMPS. Each run is
# analysed with `paddlewheel analyze` against the ideal Na sites (the x = 0 site list, so vacancies are
# sites); the per-run summary.json files are tabulated into validate/paper-physics.md.
# Usage: validate/paper-physics.sh [OUT_DIR]   (env: PROD=50ps TEMPS="700" JOBS=2 SEED=1)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-/tmp/paper-physics}"; mkdir -p "$out"
PROD="${PROD:-50ps}"; EQ="${EQ:-3ps}"; TEMPS="${TEMPS:-700}"; JOBS="${JOBS:-2}"; SEED="${SEED:-1}"
pw=./paddlewheel
$pw --version >/dev/null    # build once before running jobs in parallel

run_one() {   # x T frozen
  local x=$1 T=$2 fz=$3 tag="x${1}_T${2}_${3}"; local d="$out/$tag"
  [[ -f "$d/analysis/summary.json" ]] && { echo "done already: $tag"; return; }
  mkdir -p "$d"
  $pw build antiperovskite --x "$x" --supercell 3x3x3 --seed "$SEED" -o "$d/cell.vasp" -q --json > "$d/build.json"
  local a; a=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["a_A"])' "$d/build.json")
  $pw build antiperovskite --x 0 --supercell 3x3x3 --a "${a}Å" --seed "$SEED" -o "$d/sites.vasp" -q >/dev/null
  local freeze=(); [[ "$fz" != none ]] && freeze=(--freeze "$fz")
  $pw md -i "$d/cell.vasp" --ff na-amide-borohydride --temperature "${T}K" --equilibrate "$EQ" --time "$PROD" \
     --timestep 0.5fs --ensemble npt --every 10fs "${freeze[@]}" --seed "$SEED" -o "$d/md" -q ${RESUME:+--resume}
  $pw analyze "$d/md/trajectory.extxyz" --structure "$d/sites.vasp" --mobile Na --rotors auto --timestep 0.5fs \
     --skip "$EQ" --temperature "${T}K" -o "$d/analysis" --quiet --json > /dev/null
  echo "finished: $tag"
}
export -f run_one; export out pw PROD EQ SEED

jobs=()
for T in $TEMPS; do
  for x in 0 0.5 1; do jobs+=("$x $T none"); done
  for fz in Na NH2 BH4; do jobs+=("1 $T $fz"); done
done
printf '%s\n' "${jobs[@]}" | xargs -P "$JOBS" -L 1 bash -c 'run_one $0 $1 $2'
python3 validate/paper_physics_table.py "$out" "$PROD" > validate/paper-physics.md
echo "wrote validate/paper-physics.md"
