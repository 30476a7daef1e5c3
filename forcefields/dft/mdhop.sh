#!/usr/bin/env bash
# The bundled model's own Na hops, labelled by PBE (pieces `mdhop-x1-<T>K-<n>`; forcefields/dft/README.md, "The model's
# own hops"). Why: the study's Na activation energies (0.02-0.05 eV against EIS's 0.27-0.30) come from hops the model
# makes in MD, along paths none of the dataset's scans follows; whether PBE agrees that they are cheap decides whether
# those Ea mean anything.
#
#   forcefields/dft/mdhop.sh [HOP_NUMBER...]        # default: every hop of the run, in order
#
# 1. The bundled model's MD of x = 1 (2x2x2, 80 atoms, NPT 0 GPa at T, seed 5; 6 ps equilibration + 40 ps, a frame
#    every 20 fs), its hops found by `paddlewheel analyze --structure` (the x = 0 cell's Na sites: vacant ones included).
# 2. `mdhop.py`: five MD frames per hop (last on the old site, quarter, dwell, three quarters, first on the new site).
# 3. One PBE single point per frame at the dataset's settings (as generate.sh's sp_piece), the frames written to
#    forcefields/dft/mdhop-x1-<T>K-<n>.extxyz, the piece recorded in MANIFEST.tsv and committed.
# 4. `mdhop_work.py` compares the forces on the hopping ion (reads every mdhop-*.extxyz).
# Resumable: finished pieces (in MANIFEST.tsv) are skipped; the MD is kept in $WORK/mdhop-<T>K.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
WORK="${WORK:-/work/dft-work}"
RANKS="${RANKS:-2}"
T="${T:-363}"
COMMIT="${COMMIT:-1}"
pw() { "$repo/paddlewheel" "$@"; }
manifest="$here/MANIFEST.tsv"
d="$WORK/mdhop-${T}K"
mkdir -p "$d" "$WORK/sp" "$WORK/wfn"
if [[ ! -f "$d/ana/hops.csv" ]]; then
  pw build antiperovskite --x 1 --supercell 2x2x2 --a 4.9Å --seed 5 -o "$d/cell.extxyz" >/dev/null
  pw build antiperovskite --x 0 --supercell 2x2x2 --a 4.9Å --seed 5 -o "$d/sites.extxyz" >/dev/null
  rm -rf "$d/run"
  pw md -i "$d/cell.extxyz" --ff na-amide-borohydride-dft --temperature "${T}K" --ensemble npt --pressure 0GPa \
     --equilibrate 6ps --time 40ps --every 20fs --seed 5 -o "$d/run" --quiet >/dev/null || exit 1
  pw analyze "$d/run/trajectory.extxyz" --structure "$d/sites.extxyz" --timestep 20fs --temperature "${T}K" \
     --no-plots -q -o "$d/ana" >/dev/null || exit 1
fi
hops=("$@")
((${#hops[@]})) || mapfile -t hops < <(seq 1 $(($(wc -l < "$d/ana/hops.csv") - 1)))
key=$(awk 'NR==1{n=$1} NR>2 && NR<=2+n {printf "%s ", $1}' "$d/cell.extxyz" | md5sum | cut -c1-16)-q0
for n in "${hops[@]}"; do
  piece="mdhop-x1-${T}K-$n"
  grep -q "^$piece	" "$manifest" && continue
  python3 "$here/mdhop.py" "$d/run/trajectory.extxyz" "$d/ana/hops.csv" 0.02 "$n" "$d/hop$n.extxyz" || continue
  guess=()
  [[ -f "$WORK/wfn/$key.wfn" ]] && guess=(--guess-wavefunction "$WORK/wfn/$key.wfn")
  t0=$SECONDS
  echo "[$(date -u +%FT%TZ)] single points $piece" >&2
  if pw dft single-point "$d/hop$n.extxyz" --charge 0 --ranks "$RANKS" --cutoff 800Ry --rel-cutoff 60Ry "${guess[@]}" \
       --config-type "mdhop-x1-${T}K" -o "$WORK/sp/$piece"; then
    cp "$WORK/sp/$piece/single-points.extxyz" "$here/$piece.extxyz"
    newest=$(ls -t "$WORK/sp/$piece"/work/*/sp-RESTART.wfn 2>/dev/null | head -1)
    [[ -n "$newest" ]] && cp "$newest" "$WORK/wfn/$key.wfn"
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$piece" single-points 5 80 "$(date -u +%FT%TZ)" $((SECONDS - t0)) >> "$manifest"
    if [[ "$COMMIT" == 1 ]]; then
      for try in 1 2 3 4 5; do
        (cd "$repo" && git add "forcefields/dft/$piece.extxyz" forcefields/dft/MANIFEST.tsv \
          && git commit -q -m "dft data: $piece (the bundled model's own Na hop, PBE frames)" -- "forcefields/dft/$piece.extxyz" forcefields/dft/MANIFEST.tsv) && break
        sleep 7
      done
    fi
  else
    echo "mdhop: single points $piece failed (rerun resumes)" >&2
  fi
done
