#!/usr/bin/env bash
# paddlewheel vs LAMMPS (Debian lmp) on the provisional na-amide-borohydride model:
# 270-atom x = 1 3x3x3 antiperovskite, cut-off 7 Å, Ewald 1e-5 (same α and k-vectors on both
# sides), skin 1 Å, Langevin NVT 500 K, 0.5 fs, 2,000 steps; 1 thread vs 1 MPI rank and 2 vs 2.
# Both run in the same invocation (the machine is shared). Usage: bench/md-vs-lammps.sh [--large]
# (--large adds the 3,430-atom 7x7x7 cell for 200 steps). Last line: the 1-vs-1 ratio.
# JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 bench/md-vs-lammps.sh runs paddlewheel on JDK 25.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/paddlewheel.jar ] || mvn -B -q -o package -DskipTests
# paddlewheel runs on $JAVA_HOME/bin/java if JAVA_HOME is set (e.g. /usr/lib/jvm/temurin-25-jdk-amd64), else on java
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
PW="$JAVA --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -jar target/paddlewheel.jar"
$JAVA -version 2>&1 | grep -q '"17' && PW="$JAVA --add-modules jdk.incubator.vector -jar target/paddlewheel.jar"
echo "paddlewheel JVM: $($JAVA -version 2>&1 | head -1)"
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT

run_case() { # name supercell steps
  local name=$1 sc=$2 steps=$3
  $PW build antiperovskite --x 1 --supercell "$sc" --seed 1 -o "$W/$name.vasp" >/dev/null
  local fs; fs=$(awk -v s="$steps" 'BEGIN{printf "%gfs", s*0.5}')
  for n in 1 2; do
    pw=$($PW md -i "$W/$name.vasp" --ff na-amide-borohydride --temperature 500K --time "$fs" --timestep 0.5fs \
         --every "$fs" --checkpoint-every "$fs" --threads $n --seed 1 -o "$W/pw-$name-$n" -q --timing 2>&1 \
         | awk '/Loop time/{print $(NF-1)}' | tr -d '(')
    $PW export-lammps -i "$W/$name.vasp" --ff na-amide-borohydride --ensemble nvt --temperature 500K --time "$fs" \
         --every "$fs" --seed 1 -o "$W/lmp-$name-$n"
    ( cd "$W/lmp-$name-$n" && if [ $n -eq 1 ]; then lmp -in in.lammps -log log.lammps -screen none;
      else mpirun --allow-run-as-root -np $n lmp -in in.lammps -log log.lammps -screen none; fi )
    lmp=$(awk '/^Loop time of/{printf "%.1f", $9/$4}' "$W/lmp-$name-$n/log.lammps")
    printf '%s %s: paddlewheel %s steps/s (%d threads), LAMMPS %s steps/s (%d MPI ranks)\n' "$name" "$sc" "$pw" $n "$lmp" $n
    grep -A12 'MPI task timing breakdown' "$W/lmp-$name-$n/log.lammps" | sed -n '3,9p' | sed 's/^/    lammps /' || true
    if [ $n -eq 1 ]; then R1PW=$pw; R1L=$lmp; fi
  done
}
if [ "${1:-}" = "--large" ]; then run_case x1-7x7x7 7x7x7 200; fi
run_case x1-3x3x3 3x3x3 2000
awk -v a="$R1PW" -v b="$R1L" 'BEGIN{printf "ratio paddlewheel/lammps steps/s: %.2f\n", a/b}'
