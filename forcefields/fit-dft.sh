#!/usr/bin/env bash
# Fits the DFT-trained model `na-amide-borohydride-dft` to the CP2K reference data and judges it, in one go:
#
#   forcefields/fit-dft.sh [extra fit-ff options...]      # e.g. --three-body --three-body-centres Na
#   FITOPTS="--stress deviatoric" forcefields/fit-dft.sh  # replace the options of record
#
# 1. `paddlewheel fit-ff --dataset forcefields/dft/*.extxyz --form uf3` with the options of record below
#    (charge scale and bonded terms fitted, deviatoric stress: the 800 Ry GPW pressure is ~1 GPa off while the
#    deviatoric stress is converged, forcefields/dft/README.md; `--stress offset` measured that offset on the data
#    as P_data − P_model = −1.7 GPa on 3 Dec 2026; hyper-parameters by 5-fold cross-validation over whole groups
#    and the final model fitted on every non-test configuration), on top of the classical model's species,
#    molecules and Ewald settings; report in forcefields/dft-model/fit/.
# 2. `paddlewheel dft compare` of the fitted model against every labelled frame and relaxation, report in
#    forcefields/dft-model/compare/, and the compact summary written into the model ("dft_validation").
# 3. The model is written to forcefields/na-amide-borohydride-dft.json and, so that `--ff
#    na-amide-borohydride-dft` loads it by name, to src/main/resources/forcefields/ (identical copies).
# Nothing is replaced unless every step succeeds (the new files are built in a temporary folder first).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
cd "$repo"
pw=./paddlewheel
tmp="$(mktemp -d /tmp/fit-dft.XXXX)"
name=na-amide-borohydride-dft
shopt -s nullglob
data=(forcefields/dft/*.extxyz)
((${#data[@]})) || { echo "fit-dft: no labelled frames in forcefields/dft/*.extxyz" >&2; exit 2; }
echo "fit-dft: ${#data[@]} data files; work in $tmp" >&2
read -r -a opts <<< "${FITOPTS:---stress deviatoric --fit-charge-scale --fit-bonded --cv-folds 5}"
$pw fit-ff --dataset "${data[@]}" --form uf3 "${opts[@]}" "$@" \
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
mkdir -p "$here/dft-model"
rm -rf "$here/dft-model/fit" "$here/dft-model/compare"
cp -r "$tmp/fit" "$tmp/compare" "$here/dft-model/"
rm -f "$here"/dft-model/*/*.svg   # large; the PNGs are kept
cp "$tmp/fitted.json" "$here/$name.json"
cp "$tmp/fitted.json" "$repo/src/main/resources/forcefields/$name.json"
echo "fit-dft: wrote forcefields/$name.json (and the bundled copy), reports in forcefields/dft-model/" >&2
sed -n '1,40p' "$here/dft-model/compare/dft-compare.md"
