#!/usr/bin/env bash
# Fits the DFT-trained model `na-amide-borohydride-dft` to the CP2K reference data and judges it, in one go:
#
#   forcefields/fit-dft.sh [extra fit-ff options...]      # e.g. --three-body --three-body-centres Na
#   FITOPTS="--stress deviatoric" forcefields/fit-dft.sh  # replace the options of record
#   NAME=na-amide-borohydride-dft-3b REPORTS=candidates/dft-model-3b DEST=candidates forcefields/fit-dft.sh --three-body ...
#       another model name, reports in forcefields/$REPORTS (default dft-model); with DEST the model goes to
#       forcefields/$DEST/$NAME.json only (not bundled), without it to forcefields/ and src/main/resources/forcefields/
#
# 1. `paddlewheel fit-ff --dataset forcefields/dft/*.extxyz --form uf3` with the options of record below
#    (charge scale and bonded terms fitted; full stress with the GPW cut-off correction of Na, `--cutoff-correction Na`:
#    at 800 Ry the total energy still falls by ~1 meV per Ry per Na, and each cell's grid reaches its own effective
#    cut-off (801-986 Ry in the dataset), which left x = 1 cells of different size up to 54 meV/atom apart and the
#    pressure ~1-2 GPa low; the fitted slope, -0.9 to -1.4 meV/Ry per Na, matches the convergence cell's, and the
#    corrected full-stress fit put x = 1 at 4.78 A at 300 K where the deviatoric fit gave 4.48 A, 3 Dec 2026;
#    hyper-parameters by 5-fold cross-validation over whole groups and the final model fitted on every non-test
#    configuration), on top of the classical model's species, molecules and Ewald settings. Since 3 Dec 2026 (session 8) the
#    cut-off correction is the measured one, `--cutoff-curves forcefields/dft/cutoff-ions.tsv` (single ions on grids of
#    622-3582 Ry, forcefields/dft/README.md), in place of the fitted constant Na slope: it follows the slope's fall across
#    the dataset's 801-986 Ry and improved every cross-validation RMSE; report in
#    forcefields/dft-model/fit/.
# 2. `paddlewheel dft compare` of the fitted model against every labelled frame and relaxation, report in
#    forcefields/dft-model/compare/, and the compact summary written into the model ("dft_validation").
# 5. The model is written to forcefields/na-amide-borohydride-dft.json and, so that `--ff
#    na-amide-borohydride-dft` loads it by name, to src/main/resources/forcefields/ (identical copies).
# Nothing is replaced unless every step succeeds (the new files are built in a temporary folder first).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
cd "$repo"
pw=./paddlewheel
tmp="$(mktemp -d /tmp/fit-dft.XXXX)"
name="${NAME:-na-amide-borohydride-dft}"
reports="$here/${REPORTS:-dft-model}"
shopt -s nullglob
data=(forcefields/dft/*.extxyz)
((${#data[@]})) || { echo "fit-dft: no labelled frames in forcefields/dft/*.extxyz" >&2; exit 2; }
echo "fit-dft: ${#data[@]} data files; work in $tmp" >&2
# the options of record live in forcefields/fit-options.txt (one line), which the generator's glass loop reads too; since
# session 16 (4 Dec 2026) they include the N-centred 3-body terms with bonded arms of the bundled model
# (--three-body --three-body-centres N --three-body-bonded-arms --three-body-cutoff 3.0; forcefields/candidates/README.md)
read -r -a opts <<< "${FITOPTS:-$(head -1 "$here/fit-options.txt")}"
extra=("$@")
$pw build antiperovskite --x 1 --supercell 2x2x2 --a 4.765Å --seed 1 -o "$tmp/x1.extxyz" > /dev/null
$pw build antiperovskite --x 1 --supercell 3x3x3 --a 4.765Å --seed 1 -o "$tmp/x1-333.extxyz" > /dev/null
# Steps 1-3 for the validation grid's best candidate and, when the guard (3.) rejects it, for the next one
# (`fit-ff --candidate-rank`), up to MAX_RANK attempts (default 5). The cross-validation score sees frames at their DFT geometries
# only and its top candidates lie within a few per cent of each other; on the data of 5 Dec 2026 the best (w_E 30, W 1)
# melted x = 1 at 300 K (forcefields/README.md, "Seen in session 18"). The choice stays the validation's; MD only vetoes.
attempt() { # rank
rank=$1
rm -rf "$tmp/fit" "$tmp/compare" "$tmp/npt-x1-300K"   # a rejected rank's files
$pw fit-ff --dataset "${data[@]}" --form uf3 "${opts[@]}" "${extra[@]}" --candidate-rank "$rank" \
  -o "$tmp/fitted.json" --report "$tmp/fit" > "$tmp/fit.md"
# name the model and say what it is (the fitter names it <base>-uf3-fit)
python3 - "$tmp/fitted.json" "$name" <<'PY'
import json, sys
p, name = sys.argv[1], sys.argv[2]
m = json.load(open(p))
m["name"] = name
m["description"] = ("UF3-style short-range model trained on PBE (CP2K) reference data, forcefields/dft/ (fit-ff --form uf3, "
                    "forcefields/fit-dft.sh), on the Ewald and molecule definitions of na-amide-borohydride: " + m.get("description", ""))
json.dump(m, open(p, "w"), indent=1)
PY
$pw dft compare --ff "$tmp/fitted.json" --report "$tmp/compare" --write-validation "$tmp/fitted.json" > /dev/null
# 3. A finite-temperature guard before anything is installed: NPT at 0 GPa and 300 K of x = 1 (3x3x3, 2 ps + 40 ps),
#    whose mean lattice parameter must lie within 8 % of the measured 4.6950 Å (Somer et al. 2010). It exists for the
#    failure it caught: a fit to compressed cells only (MD round 1) passed every 0 K check and expanded x = 1 to 5.18 Å
#    (+10 %) here (3 Dec 2026). Why 8 % and not the 5 % of sessions 8-17: a PBE-faithful model is expected at +5.7 to
#    +8.2 %. The fixed-grid PBE relaxation of x = 1 stands at 4.75-4.79 Å (relax-x1, not converged); the constant-cut-off
#    PBE the model describes lies about 2.5-3.5 % above it at 0 K (the -1.7 GPa grid pressure; cut-off study,
#    forcefields/dft/README.md); and from 0 K to 300 K the models expand by 1.8-2.8 % (inherent structures of 25-100 ps
#    of this run relaxed with the cell: 4.81-4.86 Å against <a> 4.95 Å; session 18, forcefields/candidates/README.md).
#    The old 5 % left out that thermal expansion, and its 4 ps mean had a standard error of about 0.3 %: measured over
#    70-100 ps both the bundled model and the nbc candidate sit at +5.4 % (4.948 ± 0.003 and 4.951 ± 0.003 Å), so the
#    guard's pass or fail at 5 % was a coin toss. 40 ps gives a standard error below 0.1 % (printed with the mean).
#    Since session 16 the guard cell is 3x3x3 (270 atoms), as in validate/force-field.sh: the 2x2x2 cell (80 atoms) put
#    both the bundled model and the 3-body candidate ~2 % below their 3x3x3 a(300 K), a finite-size offset.
#    Since session 19 the guard runs at two seeds (GUARD_SEEDS, default "2 3"; both at once) and each must pass: the
#    session-18 fit nbc3 passed a 20 ps run at seed 2 and melted at seed 3 (forcefields/README.md, "Seen in session 18").
guard_seeds=(${GUARD_SEEDS:-2 3})
for seed in "${guard_seeds[@]}"; do
  dir="$tmp/npt-x1-300K"; [[ $seed == "${guard_seeds[0]}" ]] || dir="$tmp/npt-x1-300K-s$seed"
  rm -rf "$dir"
  $pw md -i "$tmp/x1-333.extxyz" --ff "$tmp/fitted.json" --temperature 300K --ensemble npt --pressure 0GPa --equilibrate 2ps --time 40ps \
    --every 1ps --thermo-every 0.1ps --seed "$seed" -o "$dir" --quiet > /dev/null &
done
wait   # errexit does not see a background job: a run that failed leaves no thermo.csv, and lattice_mean.py stops the script
: > "$tmp/compare/npt-x1-300K-a_A.txt"
passed=yes
for seed in "${guard_seeds[@]}"; do
  dir="$tmp/npt-x1-300K"; [[ $seed == "${guard_seeds[0]}" ]] || dir="$tmp/npt-x1-300K-s$seed"
  read -r a300 a300_se guard_ok drift300 < <(python3 "$here/../validate/lattice_mean.py" "$dir/thermo.csv" --equilibration-ps 2 \
    --cells 27 --reference-A 4.695 --max-deviation 0.08 --atoms 270)
  #    And the cell must still be a crystal: a mean within 8 % says nothing about a cell that melts on the way. The first fit
  #    under this guard (session 18, N,B-centred, W chosen 1 by CV) passed it at 4.954 Å while a went 4.91 → 5.01 Å and its
  #    anion centres diffused (MSD 3.2 Å² in 20 ps, against 0.4-0.5 Å² for the bundled model over 100 ps): validate/anion_msd.py.
  #    Why 40 ps: the same hyper-parameters on five more configurations passed a 20 ps run (MSD 0.47 Å²) and melted at another
  #    seed after it (MSD 0.7-1.0 Å² at 20 ps, 3.0 Å² at 36 ps, E_pot falling from the start, T up to 384 K from the heat).
  #    Nor is 40 ps always enough for the MSD: at the guard's own seed that fit reached only 0.97 Å² in 40 ps while its E_pot
  #    fell 5.3 meV/atom between the halves and T rose to 376 K. So the E_pot drift (second half − first) must stay above
  #    -3.7 meV/atom (1 eV in this cell): stable crystals gave -2.5 to +1.1 (20-100 ps runs, 40 ps windows), cells that melted -5.3 to -13.7.
  read -r msd300 maxd300 crystal300 < <(python3 "$here/../validate/anion_msd.py" "$dir/trajectory.extxyz" --max-msd 1.5)
  echo "fit-dft: seed $seed, x = 1 at 300 K and 0 GPa (NPT, 40 ps): a = $a300 ± $a300_se Å (measured 4.6950 Å); anion-centre MSD $msd300 Å² (largest $maxd300 Å); E_pot drift $drift300 meV/atom" >&2
  echo "$a300 $a300_se $msd300 $drift300 seed=$seed" >> "$tmp/compare/npt-x1-300K-a_A.txt"
  if [[ $guard_ok != yes ]]; then
    echo "fit-dft: rank $rank rejected at seed $seed: a(300 K) of x = 1 is $a300 ± $a300_se Å, more than 8 % from 4.6950 Å" >&2
    passed=no
  elif python3 -c "import sys; sys.exit(0 if $drift300 < -3.7 else 1)"; then
    echo "fit-dft: rank $rank rejected at seed $seed: x = 1 at 300 K releases heat (E_pot drift $drift300 meV/atom between the halves; < -3.7)" >&2
    passed=no
  elif [[ $crystal300 != yes ]]; then
    echo "fit-dft: rank $rank rejected at seed $seed: x = 1 is no longer a crystal at 300 K (anion-centre MSD $msd300 Å² ≥ 1.5 Å² in 40 ps)" >&2
    passed=no
  fi
done
}
rank=1
while :; do
  attempt "$rank"   # a plain command, so errexit stops the script on any failed step inside
  [[ $passed == yes ]] && break
  # No veto beyond the rejected rank itself. Session 22 tried one (a rejection also vetoed every candidate whose
  # energy-weight factor was at least the rejected one, after the guard rejected the factor 1000 of session 20): on the
  # 494-configuration data the best candidate (factor 10) and the next (factor 1, same w_E 10 and curvature 1e-4) both
  # expanded x = 1 to 5.04-5.10 A at 300 K, so the factor was not what melted them and the veto emptied the grid.
  # fit-ff itself passes over candidates that are not usable models (fit.candidate_rank is the rank it took), so the
  # next attempt starts after the rank the guard rejected, not after the one asked for.
  rank=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['fit']['candidate_rank'])" "$tmp/fitted.json")
  rank=$((rank + 1))
  attempts=$((${attempts:-1} + 1))
  ncand=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1])).get('candidates', [])))" "$tmp/fit/uf3-fit.json")
  if ((attempts > ${MAX_RANK:-5} || rank > ncand)); then
    echo "fit-dft: NOT installed: no candidate passed the 300 K guard in ${MAX_RANK:-5} attempts (ranks up to $rank); reports of the last left in $tmp" >&2
    exit 2
  fi
done
rank=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['fit']['candidate_rank'])" "$tmp/fitted.json")
echo "fit-dft: candidate rank $rank passed the guard" >&2
# 4. Reported, not required: the model's own x = 1 liquid minima − crystal. Until session 10 the "glasses" here came from
#    3 ps of NVT at 1000 K, which does not melt an 80-atom cell (anion-centre order S 0.78-0.84, configs.py order), so they
#    were annealed crystals. Now: 2 ps of NPT at 1500 K (S ≈ 0.1), 2 ps of NPT at 700 K, and the last three 700 K frames
#    relaxed with the cell free (the liquid's inherent structures; S is printed for each, so a frame that recrystallised
#    shows). The crystal is the last frame of the 300 K NPT run above, relaxed the same way. In PBE the session-8 model's
#    relaxed glass (S 0.19/0.28) lies +20.0 meV/atom above its relaxed crystal (forcefields/dft/README.md, "Relaxed minima").
last_frame() { python3 - "$1" "$2" <<'PY'
import sys
L = open(sys.argv[1]).read().splitlines(); i = 0; fr = []
while i < len(L) and L[i].strip():
    n = int(L[i]); fr.append(L[i:i + 2 + n]); i += 2 + n
open(sys.argv[2], "w").write("\n".join(fr[-1]) + "\n")
PY
}
$pw md -i "$tmp/x1.extxyz" --ff "$tmp/fitted.json" --temperature 1500K --ensemble npt --pressure 0GPa --time 2ps --every 1ps --seed 3 \
  -o "$tmp/melt-x1" --quiet > /dev/null
last_frame "$tmp/melt-x1/trajectory.extxyz" "$tmp/melt-x1.extxyz"
$pw md -i "$tmp/melt-x1.extxyz" --ff "$tmp/fitted.json" --temperature 700K --ensemble npt --pressure 0GPa --equilibrate 2ps --time 2ps \
  --every 1ps --seed 3 -o "$tmp/glass-x1-700K" --quiet > /dev/null
python3 - "$tmp/glass-x1-700K/trajectory.extxyz" "$tmp/glass-x1-" <<'PY'
import sys
L = open(sys.argv[1]).read().splitlines(); i = 0; fr = []
while i < len(L) and L[i].strip():
    n = int(L[i]); fr.append(L[i:i + 2 + n]); i += 2 + n
for k, f in enumerate(fr[-3:]):
    open("%s%d.extxyz" % (sys.argv[2], k), "w").write("\n".join(f) + "\n")
PY
last_frame "$tmp/npt-x1-300K/trajectory.extxyz" "$tmp/crystal-x1.extxyz"
for k in glass-x1-0 glass-x1-1 glass-x1-2 crystal-x1; do
  $pw relax -i "$tmp/$k.extxyz" --ff "$tmp/fitted.json" --cell --fmax 0.02 --max-steps 5000 -o "$tmp/$k-relaxed.extxyz" --json \
    > "$tmp/$k-relaxed.json" 2> /dev/null || true
done
read -r dglass dlist < <(python3 - "$tmp" <<'PY'
import json, sys
t = sys.argv[1]
c = json.load(open(t + "/crystal-x1-relaxed.json"))["energy_per_atom_eV"]
d = [1e3 * (json.load(open("%s/glass-x1-%d-relaxed.json" % (t, k)))["energy_per_atom_eV"] - c) for k in range(3)]
print("%.2f %s" % (sum(d) / 3, ",".join("%.2f" % x for x in d)))
PY
)
order=$(for k in 0 1 2; do python3 "$here/dft/configs.py" order "$tmp/glass-x1-$k-relaxed.extxyz" | cut -f2,3 | tr '\t' '/'; done | paste -sd, -)
echo "fit-dft: x = 1 liquid minima − crystal (both relaxed, model): mean $dglass meV/atom over three inherent structures ($dlist; anion order S(B)/S(N) $order, ~0.1 disordered, > 0.8 recrystallised); reported, not required" >&2
printf 'mean\t%s\nglasses\t%s\norder_S_B_N\t%s\n' "$dglass" "$dlist" "$order" > "$tmp/compare/glass-minus-crystal-x1_meV_per_atom.txt"
mkdir -p "$reports"
rm -rf "$reports/fit" "$reports/compare"
cp -r "$tmp/fit" "$tmp/compare" "$reports/"
rm -f "$reports"/*/*.svg   # large; the PNGs are kept
if [[ -n "${DEST:-}" ]]; then
  mkdir -p "$here/$DEST"
  cp "$tmp/fitted.json" "$here/$DEST/$name.json"
  echo "fit-dft: wrote forcefields/$DEST/$name.json (not bundled), reports in $reports/" >&2
else
  cp "$tmp/fitted.json" "$here/$name.json"
  cp "$tmp/fitted.json" "$repo/src/main/resources/forcefields/$name.json"
  echo "fit-dft: wrote forcefields/$name.json (and the bundled copy), reports in $reports/" >&2
fi
sed -n '1,40p' "$reports/compare/dft-compare.md"
