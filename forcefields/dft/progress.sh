#!/usr/bin/env bash
# Where the generator's unfinished CP2K optimisations stand: for each relaxation / relaxed-scan
# folder in $WORK (default /work/dft-work), the last BFGS step, its energy (eV), internal pressure
# (kbar) and, for cell relaxations, the pseudo-cubic (V/8)^(1/3) of the 2x2x2 cell (Å).
WORK="${WORK:-/work/dft-work}"
for d in "$WORK"/relax/*/ "$WORK"/barrier/*/; do
  [[ -f "$d/relax.out" ]] || continue
  step=$(grep -c "Informations at step" "$d/relax.out")
  p=$(grep "Internal Pressure" "$d/relax.out" | tail -1 | awk '{printf "%.1f", $NF/1000}')
  e=$(grep "i =" "$d/relax-pos-1.xyz" 2>/dev/null | tail -1 | awk '{printf "%.4f", $NF*27.211386245988}')
  a=$(awk 'NR>1{v=$NF} END{if (v) printf "%.4f", (v/8)^(1/3)}' "$d/relax-1.cell" 2>/dev/null)
  printf '%-32s steps %3s  E %14s eV  P %8s kbar  (V/8)^(1/3) %s Å\n' "$(basename "$d")" "$step" "${e:--}" "${p:--}" "${a:--}"
done
