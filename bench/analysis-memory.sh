#!/usr/bin/env bash
# Flat memory: the same analysis of a 10,000- and a 100,000-frame synthetic XDATCAR (270 atoms, 54 Na;
# ~100 MB and ~1 GB) in the same small heap (-Xmx128m: the 100,000-frame Na series alone, 130 MB,
# would not fit). Per-atom series beyond the heap budget go to an unlinked temporary file
# (analysis.SeriesStore). Prints wall time, peak RSS (GNU time -v) and D for each; the last line
# says whether both runs succeeded. Usage: bench/analysis-memory.sh [XMX]   (env: WORK=/tmp/pw-bench)
set -euo pipefail
cd "$(dirname "$0")/.."
XMX=${1:-128m}
WORK=${WORK:-/tmp/pw-bench}
mkdir -p "$WORK"
./paddlewheel --version > /dev/null    # builds the jar (and its class-data archive) outside the timing
ok=0
for F in 10000 100000; do
  X="$WORK/XDATCAR-$F"
  [ -f "$X" ] || java bench/GenXdatcar.java "$X" "$F" 42
  if /usr/bin/time -v -o "$WORK/mem-$F.time" env PADDLEWHEEL_JAVA_OPTS="-Xmx$XMX" ./paddlewheel analyze "$X" --mobile Na \
       --rotors none --timestep 0.5fs -o "$WORK/mem-out-$F" --quiet --json > "$WORK/mem-$F.out" 2> "$WORK/mem-$F.err"; then
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/{n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s}' "$WORK/mem-$F.time")
    rss=$(awk -F': ' '/Maximum resident set size/{printf "%.0f", $2/1024}' "$WORK/mem-$F.time")
    d=$(grep -m1 '"D_cm2_per_s"' "$WORK/mem-$F.out" | tr -d ' ,')
    printf "%6d frames (%s): -Xmx%s  wall %7.2f s  peak RSS %5s MB  %s\n" "$F" "$(du -h "$X" | cut -f1)" "$XMX" "$wall" "$rss" "$d"
    ok=$((ok + 1))
  else
    echo "$F frames: FAILED with -Xmx$XMX (see $WORK/mem-$F.err)"; tail -3 "$WORK/mem-$F.err"
  fi
done
[ $ok -eq 2 ] && echo "flat memory: both runs succeeded in -Xmx$XMX" || echo "flat memory: FAILED"
