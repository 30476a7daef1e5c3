#!/usr/bin/env bash
# Cost of the DFT-trained UF3 model against the classical Buckingham model it was built beside (issue 16's target:
# a 270-atom step at most 2x "today's Buckingham model"). One force evaluation of the 270-atom x = 1 3x3x3 cell,
# every engine built once in one JVM and timed alternately (best of ROUNDS x EVALS), so machine load hits all alike;
# the peer is `na-amide-borohydride` (Buckingham + Ewald + bonded) in the same run. Prints each model's ms per
# evaluation and its ratio, then a last line `ratio uf3/buckingham (270 atoms, T threads): X.XX` for the bundled
# `na-amide-borohydride-dft` (or MODEL, a bundled name or JSON file, if given).
# Usage: bench/uf3-vs-buckingham.sh [ROUNDS] [EVALS] [THREADS] [MODEL]     (default 8 40 1; about a minute)
# The timing code is org.paddlewheel.forcefield.ThreeBodyBench (test sources, it builds its test models from the
# test fixtures); results and their reading in docs/uf3-three-body.md ("Cost").
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/paddlewheel.jar ] || mvn -B -q -o package -DskipTests
[ -f target/test-classes/org/paddlewheel/forcefield/ThreeBodyBench.class ] || mvn -B -q -o test-compile
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
rounds=${1:-8} evals=${2:-40} threads=${3:-1} model=${4:-}
out=$($JAVA --add-modules jdk.incubator.vector -Djava.awt.headless=true -cp target/paddlewheel.jar:target/test-classes \
  org.paddlewheel.forcefield.ThreeBodyBench "$rounds" "$evals" "$threads" ${model:+"$model"} 2>/dev/null)
echo "$out"
line=$(echo "$out" | grep -F "  ${model:-shipped DFT (N-centred 3-body)} " | tail -1)
[ -n "$line" ] || { echo "uf3-vs-buckingham: no timing line for ${model:-the bundled model}" >&2; exit 1; }
echo "ratio uf3/buckingham (270 atoms, $threads threads): $(echo "$line" | awk '{print $NF}')"
