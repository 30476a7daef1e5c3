#!/usr/bin/env bash
# Benchmark: Na MSD and D end to end (parse + analysis, whole process) on a synthetic 20,000-frame
# XDATCAR of 270 atoms (~200 MB), paddlewheel vs the usual Python routes, same file, same machine:
#   pymatgen Xdatcar + numpy FFT MSD, ASE read(index=':') + numpy FFT MSD, MDAnalysis EinsteinMSD (DCD).
# Wall time and peak RSS from GNU time -v. paddlewheel runs twice: as the peers do (MSD + D, its CSV
# and summary.json, --no-plots) — the run the ratio uses — and with its default PNG/SVG plots.
# MDAnalysis (no FFT) is capped at MDA_TIMEOUT seconds and then reported as "> N s".
# The last line is the ratio to the fastest peer.
# Usage: bench/analysis-vs-python.sh [FRAMES]   (env: PY=/usr/bin/python3, WORK=/tmp/pw-bench, MDA_TIMEOUT=600)
set -euo pipefail
cd "$(dirname "$0")/.."
FRAMES=${1:-20000}
PY=${PY:-/usr/bin/python3}       # Debian's python3, not pyenv's
WORK=${WORK:-/tmp/pw-bench}
DT=0.5
MDA_TIMEOUT=${MDA_TIMEOUT:-600}
mkdir -p "$WORK"
TIME=/usr/bin/time
need=()
[ -x "$TIME" ] || need+=(time)
for m in pymatgen:python3-pymatgen ase:python3-ase MDAnalysis:python3-mdanalysis; do
  "$PY" -c "import ${m%%:*}" 2>/dev/null || need+=("${m##*:}")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]} with apt-get" >&2
  (apt-get update -qq && apt-get install -y -qq "${need[@]}") >&2 || echo "apt-get failed: peers missing will be skipped" >&2
fi
# The launcher is what users run: it builds the jar and its class-data archive on first use (not
# timed here) and starts short commands with the C1 JIT (see ./paddlewheel).
./paddlewheel --version > /dev/null
X="$WORK/XDATCAR-$FRAMES"
[ -f "$X" ] || java bench/GenXdatcar.java "$X" "$FRAMES" 42
echo "input: $X ($(du -hL "$X" | cut -f1), $FRAMES frames, 270 atoms); $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

run() {  # name, command...  → prints "name wall_s peak_MB" and appends to results
  local name=$1; shift
  local rc=0
  "$TIME" -v -o "$WORK/$name.time" "$@" > "$WORK/$name.out" 2>"$WORK/$name.err" || rc=$?
  if [ $rc -eq 124 ]; then
    printf "%-12s wall  > %s s (stopped by timeout)\n" "$name" "$LIMIT"
    echo "$name >$LIMIT" >> "$WORK/results"
  elif [ $rc -eq 0 ]; then
    local wall rss
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/{n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s}' "$WORK/$name.time")
    rss=$(awk -F': ' '/Maximum resident set size/{printf "%.0f", $2/1024}' "$WORK/$name.time")
    printf "%-12s wall %8.2f s   peak %6s MB   %s\n" "$name" "$wall" "$rss" "$(grep -h 'D(Na)\|D_cm2' "$WORK/$name.out" | head -1 | tr -s ' ')"
    echo "$name $wall" >> "$WORK/results"
  else
    echo "$name failed (see $WORK/$name.err)"
  fi
}
: > "$WORK/results"
export PADDLEWHEEL_JAVA_OPTS="-Xmx1g"
run paddlewheel ./paddlewheel analyze "$X" --mobile Na --rotors none --density "" \
    --timestep ${DT}fs -o "$WORK/pw-out" --quiet --json --no-plots
run pw+plots ./paddlewheel analyze "$X" --mobile Na --rotors none --density "" \
    --timestep ${DT}fs -o "$WORK/pw-out-plots" --quiet --json
"$PY" -c "import pymatgen" 2>/dev/null && run pymatgen "$PY" bench/msd_numpy.py pymatgen "$X" $DT
"$PY" -c "import ase" 2>/dev/null && run ase "$PY" bench/msd_numpy.py ase "$X" $DT
if "$PY" -c "import MDAnalysis, ase" 2>/dev/null; then
  [ -f "$WORK/traj-$FRAMES.dcd" ] || "$PY" bench/to_dcd.py "$X" "$WORK/top.pdb" "$WORK/traj-$FRAMES.dcd"
  LIMIT=$MDA_TIMEOUT run mdanalysis timeout "$MDA_TIMEOUT" "$PY" bench/msd_mdanalysis.py "$WORK/top.pdb" "$WORK/traj-$FRAMES.dcd" $DT
fi
awk '$1=="paddlewheel"{pw=$2} $1!="paddlewheel" && $1!="pw+plots" && $2 !~ /^>/{if(best==""||$2<best){best=$2;who=$1}}
     END{if(pw==""){print "paddlewheel did not run"} else if(best==""){print "no peer ran: ratio unavailable (paddlewheel " pw " s)"}
         else printf "ratio: fastest peer %s %.2f s / paddlewheel %.2f s = %.1fx\n", who, best, pw, best/pw}' "$WORK/results"
