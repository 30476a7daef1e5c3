#!/usr/bin/env bash
# Generates the CP2K reference dataset of forcefields/dft/ as a resumable background job.
#
#   nice -n 19 forcefields/dft/generate.sh            # run (or continue) every stage
#   SAMPLER_FF=model.json forcefields/dft/generate.sh # MD snapshots sampled with another model
#   STAGES="relax md1" forcefields/dft/generate.sh   # some stages, in this order (melt-ref arrange relabel liquid liquid-model glassloop selflabel scan relax-ap relax-na2o scanfine kcheck scannabh4 scannabh4b relax-ref relax barrier nebprobe basin basin-x1 md1..md5 md ref2..ref5 warm-nabh4 cutcheck-nabh4)
#
# Work folders live in $WORK (default /work/dft-work, outside the repository); every finished
# piece is copied into forcefields/dft/ (labelled frames, <piece>.extxyz, so that
# `fit-ff --dataset forcefields/dft/*.extxyz` reads them all) or forcefields/dft/data/ (relaxations)
# and committed (only those paths) so a hard stop loses
# at most the calculation under way. MANIFEST.tsv lists what is done. Each CP2K call resumes:
# single points skip finished structures, relaxations continue from CP2K's restart file.
# The jar is copied to $WORK so that edits to the sources never disturb a running job.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
WORK="${WORK:-/work/dft-work}"
RANKS="${RANKS:-2}"
# Default order (3 Dec 2026): MD rounds 1 and 2 first (round 2 samples the expanded cells that NPT MD at 0 GPa
# visits: a model fitted to round 1 alone, all compressed, expands x = 1 to a = 5.18 Å at 300 K), then the
# reference relaxations, the remaining rounds, the x = 1 relaxation, the barriers and the NEB cost probe.
# From 3 Dec 2026 10:00 the relaxations and barriers come after round 3 rather than after every round: rounds 2 and 3
# bring the force components past the 30,000 the issue asks for, and the barriers are what the model is judged by.
# From 3 Dec 2026 (session 8) `relabel` comes first: pieces whose SCF stopped in a wrong state (RELABEL.tsv).
# From 4 Dec 2026 (session 10) the reference compounds come before the glass loop: the shipped DFT model has never
# trained on NaBH4 or Na2O (their only pieces, md-nabh4-250K-1 and md-na2o-500K-1, hash into the test set) and misses
# both a(300 K) by 6-7 %; rounds 2 and 3 of their pieces hash into training. Na2O's relaxation (48 atoms, all
# forces zero by symmetry: cell steps only) gives its DFT lattice parameter first.
# From 4 Dec 2026 (session 11) the relaxed barrier points (stage barrier; its scan inputs rebuilt by stage scan, whose
# single points are done) come right after ref3: refits showed that no 2-body model reproduces the unrelaxed hop scans
# (the x = 1 hop stays 0.34 eV low even with the scans weighted 5x) and that 3-body terms fit them only by memorising
# (cross-validation energy RMSE 38 meV/atom); relaxed points give physical barriers and frames along the hop paths. The barrier stage reads the scans'
# committed DFT frames (forcefields/dft/scan-*.extxyz), so it needs no work folder from an earlier session.
# From 4 Dec 2026 (session 13) the NEB cost probe and the x = 0 hop from its tilted-BH4 basin (stage basin) come before the
# remaining barrier points, and barrier points built from scan frames start rattled (±0.02 Å): the symmetric x = 0 start
# had stopped on a stationary point above the tilted minimum (README, Barriers).
# Session 18: the two lattice targets with no PBE value yet (relax-x1 in relax-ap, NaBH4 in relax-ref) come right after
# the x = 1 hop's dividing plane, before basin's remaining x = 0 re-measurement (scan-hop-x0-anch).
STAGES="${STAGES:-melt-ref arrange liquid-model relabel liquid relax-na2o scanfine kcheck ref2 ref3 nebprobe basin-x1 selflabel relax-ap relax-ref basin scannabh4 scannabh4b barrier glassloop md1 md2 md3 md}"
COMMIT="${COMMIT:-1}"
# The classical model that samples the MD snapshots (a bundled name or a JSON file). Its molecules' bond lengths set
# most of a snapshot's DFT pressure (README, Caveats): a DFT-fitted model gives PBE-like molecules.
# Default (3 Dec 2026 09:30 on): the DFT-fitted sampler kept in samplers/ (samplers/README.md); until then the
# classical na-amide-borohydride, whose snapshots put Na 2.07 Å from N (README, Caveats). From the session after
# session 8: 84507e75457f.json, the refit on the relabelled data (d837287a24af.json before).
# From session 10 (4 Dec 2026): 39f62d49641c.json, the shipped na-amide-borohydride-dft of session 9.
SAMPLER_FF="${SAMPLER_FF:-$here/samplers/39f62d49641c.json}"
# Waiting MPI ranks yield the core instead of spinning: on a machine shared with builds, a spinning
# rank starves its partner (an 80-atom SCF step went from 10 s to 125 s under load 8-10, measured).
export OMPI_MCA_mpi_yield_when_idle=1
mkdir -p "$WORK" "$here/data"
# A fresh start takes the current build (the launcher rebuilds when sources changed), so a job
# restarted in a later session never runs an older jar left in $WORK.
(cd "$repo" && ./paddlewheel --version >/dev/null)
if [[ ! -f "$WORK/paddlewheel.jar" || "$repo/target/paddlewheel.jar" -nt "$WORK/paddlewheel.jar" ]]; then
  cp "$repo/target/paddlewheel.jar" "$WORK/paddlewheel.jar"
fi
pw() { java -XX:TieredStopAtLevel=1 --add-modules jdk.incubator.vector -Djava.awt.headless=true -jar "$WORK/paddlewheel.jar" "$@" 2>&1 | grep -v "incubator modules"; return "${PIPESTATUS[0]}"; }
cfg() { python3 "$here/configs.py" "$@"; }
log() { echo "[$(date -u +%FT%TZ)] $*" | tee -a "$WORK/generate.log"; }
manifest="$here/MANIFEST.tsv"
[[ -f "$manifest" ]] || printf 'piece\tkind\tconfigurations\tatoms\tfinished_utc\twall_s\n' > "$manifest"
done_piece() { grep -q "^$1	" "$manifest"; }
commit() {
  [[ "$COMMIT" == 1 ]] || return 0
  for try in 1 2 3 4 5; do
    if (cd "$repo" && git add -A forcefields/dft/superseded forcefields/dft/data forcefields/dft/MANIFEST.tsv forcefields/dft/SAMPLERS.tsv forcefields/dft/samplers forcefields/dft/*.extxyz \
        && git commit -q -m "dft data: $1" -- forcefields/dft/superseded forcefields/dft/data forcefields/dft/MANIFEST.tsv forcefields/dft/SAMPLERS.tsv forcefields/dft/samplers forcefields/dft/*.extxyz); then return 0; fi
    sleep 7
  done
  log "could not commit $1 (left for the next commit)"
}
# Until 2 Dec 2026 labelled frames were data/<piece>.extxyz.gz; they now live uncompressed beside this
# script (the issue's `fit-ff --dataset forcefields/dft/*.extxyz` form). Move any old-style file over.
migrate_frames() {
  local f moved=0
  for f in "$here"/data/*.extxyz.gz; do
    [[ -f "$f" ]] || continue
    gunzip -c "$f" > "$here/$(basename "${f%.gz}")" && rm "$f" && moved=1
  done
  ((moved)) && commit "labelled frames moved from data/*.extxyz.gz to forcefields/dft/*.extxyz"
  return 0
}
record() { # piece kind n atoms wall
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$(date -u +%FT%TZ)" "$5" >> "$manifest"
  commit "$1"
}

# Checkpoints: CP2K's optimisation restart files (geometry, cell, step counter; a few kB) are copied
# into forcefields/dft/checkpoints/ and committed every few minutes, with the progress table, so an
# optimisation of many hours survives the end of a session and of its machine ($WORK is not kept
# between sessions; one step of an 80-atom cell relaxation costs ~9 min). A rerun with no local
# restart file starts from the committed one (the SCF then starts from atoms: ~60 extra SCF steps).
ckdir="$here/checkpoints"
# Every accepted optimisation step is a full SCF at the dataset's settings, so its energy, forces and (cell
# relaxations) stress are labelled frames for free (`dft relax-frames`): near-equilibrium volumes for the
# equation of state, configurations near the hop saddles. They go to opt-<kind>-<name>-<run>.extxyz beside the
# other frames, one file per generator run (a resumed CP2K run starts a new output, so an earlier run's file
# is never overwritten), steps closer than 0.05 Å to the last kept one thinned out. Refreshed with the checkpoints.
RUN_TAG="$(date -u +%Y%m%dT%H%M)"
harvest_relax() { # work-folder kind name [start-structure]
  [[ -f "$1/relax.out" && -f "$1/relax-pos-1.xyz" ]] || return 1
  local out="$here/opt-$2-$3-$RUN_TAG.extxyz" start=()
  [[ -n "${4:-}" && -f "${4:-}" ]] && start=(-i "$4")
  [[ -f "$1/start.extxyz" ]] && start=(-i "$1/start.extxyz") # what CP2K started from (dft relax writes it, after --rattle)
  pw dft relax-frames "$1" "${start[@]}" --config-type "opt-$2-$3" -o "$out.tmp" > /dev/null 2>&1 || { rm -f "$out.tmp"; return 1; }
  # frames an earlier run's file already holds (a relaxation finished before this run, or steps CP2K keeps across a
  # restart) are dropped, so no step enters the dataset twice
  local others=() f
  for f in "$here"/opt-"$2"-"$3"-*.extxyz; do [[ -f "$f" && "$f" != "$out" ]] && others+=("$f"); done
  python3 "$here/new_frames.py" "$out.tmp" "${others[@]}" || { rm -f "$out.tmp"; return 1; }
  if cmp -s "$out.tmp" "$out"; then rm -f "$out.tmp"; return 1; fi
  mv "$out.tmp" "$out"
}
harvest_all() { # returns 0 when some file changed
  local d changed=1
  for d in "$WORK"/relax/*/ "$WORK"/barrier/*/; do
    [[ -d "$d" ]] || continue
    local kind; kind=$(basename "$(dirname "$d")")
    # the barrier points' inputs lie beside their folders (fixed cell: the start gives the cell and step 0)
    harvest_relax "${d%/}" "$kind" "$(basename "$d")" "${d%/}.extxyz" && changed=0
  done
  return $changed
}
checkpoint_now() {
  mkdir -p "$ckdir"
  local f changed=0
  if harvest_all && [[ "$COMMIT" == 1 ]]; then
    (cd "$repo" && git add forcefields/dft/opt-*.extxyz && git commit -q -m "dft data: optimisation steps as labelled frames" -- forcefields/dft/opt-*.extxyz) >/dev/null 2>&1 || true
  fi
  for f in "$WORK"/relax/*/relax-1.restart "$WORK"/barrier/*/relax-1.restart; do
    [[ -f "$f" ]] || continue
    local kind; kind=$(basename "$(dirname "$(dirname "$f")")")
    local c="$ckdir/$kind-$(basename "$(dirname "$f")").restart"
    if ! cmp -s "$f" "$c"; then cp "$f" "$c"; changed=1; fi
  done
  ((changed)) || return 0
  WORK="$WORK" "$here/progress.sh" 2>/dev/null | sed "s/^/$(date -u +%FT%TZ) /" >> "$ckdir/progress.txt"
  [[ "$COMMIT" == 1 ]] || return 0
  (cd "$repo" && git add forcefields/dft/checkpoints && git commit -q -m "dft checkpoint: optimisation restart files" -- forcefields/dft/checkpoints) >/dev/null 2>&1 || true
}
checkpoint_loop() { while sleep 300; do checkpoint_now; done; }
seed_restart() { # work-dir checkpoint-name: start from the committed restart when the folder has none
  mkdir -p "$1"
  if [[ ! -f "$1/relax-1.restart" && -f "$ckdir/$2.restart" ]]; then
    cp "$ckdir/$2.restart" "$1/relax-1.restart"
    log "resuming $2 from the committed checkpoint"
  fi
}

# Settings of record (forcefields/dft/README.md): PBE, DZVP-MOLOPT-SR-GTH, 800 Ry / rel 60 Ry, XC smoothing.
DFT=(--ranks "$RANKS" --cutoff 800Ry --rel-cutoff 60Ry)

# ---- Stage 2 (after the scans): lattice parameters (relax-ap: the antiperovskites; relax-ref: Na2O, NaBH4) by cell relaxation at the Γ point of 2x2x2 cells ----
# CP2K's k-point code is far too slow for the 4.6 Å unit cells here (one SCF step of the 10-atom
# x = 1 cell with a 3x3x3 mesh took 350 s, measured), so the antiperovskites are relaxed as 2x2x2
# supercells (72/80 atoms, Γ) with ordered (aligned) anions; Na2O and NaBH4 as Γ supercells of their
# primitive cells (below).
# The JSON of `dft relax --json` names its structure by its path in $WORK; the committed copy names the
# file beside it (structures/*.extxyz keeps the input's atom order, which fixed_indices refer to; POSCAR groups by element).
json_structure() { # json stem work-folder: prints the JSON with "structure" = the committed file's name
  local f="$2.vasp"; [[ -f "$3/relaxed.extxyz" ]] && f="structures/$2.extxyz"
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); d["structure"]=sys.argv[2]; print(json.dumps(d, indent=2))' "$1" "$f"
}
relax_one() { # name structure [extra dft-relax options...]
  local name=$1 s=$2 t0=$SECONDS; shift 2
  done_piece "relax-$name" && return 0
  seed_restart "$WORK/relax/$name" "relax-$name"
  log "relax $name $*"
  if pw dft relax "$s" --cell --fmax 0.05 --pressure-tolerance 500bar "$@" "${DFT[@]}" -o "$WORK/relax/$name" --json > "$WORK/relax/$name.json.tmp"; then
    json_structure "$WORK/relax/$name.json.tmp" "relax-$name" "$WORK/relax/$name" > "$here/data/relax-$name.json" && rm "$WORK/relax/$name.json.tmp"
    cp "$WORK/relax/$name/relaxed.vasp" "$here/data/relax-$name.vasp"
    # (not beside the labelled data: fit-ff and dft compare read every data/*.extxyz as labelled frames)
    [[ -f "$WORK/relax/$name/relaxed.extxyz" ]] && mkdir -p "$here/data/structures" && cp "$WORK/relax/$name/relaxed.extxyz" "$here/data/structures/relax-$name.extxyz"
    harvest_relax "$WORK/relax/$name" relax "$name" "$s"
    record "relax-$name" cell-relaxation 1 "$(head -1 "$s")" $((SECONDS - t0))
  else
    log "relax $name failed (see $WORK/relax/$name/relax.out)"
  fi
}
relax_stage() {
  mkdir -p "$WORK/relax" "$WORK/cells"
  # The antiperovskites are relaxed with the cell held cubic (KEEP_SYMMETRY): the issue asks for the
  # cubic phases, and a free cell with ordered anions shears (measured on x = 1: |a|, |b|, |c| =
  # 9.55, 9.60, 9.93 Å, γ = 91.6° after 5 BFGS steps, still moving) towards an ordered structure
  # that is not the measured disordered cubic one. Fmax 0.05 eV/Å and 500 bar: a to better than 0.1 %
  # (bulk moduli ~20 GPa), well inside the 1 % the model is judged by.
  # x = 1 starts from the internal coordinates the free-cell run reached after 4 steps, put into a
  # cubic cell of 2 x 4.82 Å (its pressure fell from +31 kbar at 4.70 Å to -4 kbar near 4.85 Å):
  # inputs/relax-x1-start.extxyz, made by `configs.py cubic-from-cp2k`.
  pw build antiperovskite --x 0 --supercell 2x2x2 --orientation aligned --a 4.57Å -o "$WORK/cells/x0-222.extxyz" >/dev/null
  # x = 0 first: its lattice parameter replaces the unverified 4.45 Å of the builder.
  relax_one x0 "$WORK/cells/x0-222.extxyz" --cell-symmetry cubic
  relax_one x1 "$here/inputs/relax-x1-start.extxyz" --cell-symmetry cubic
}
relax_reference_stage() {
  mkdir -p "$WORK/relax" "$WORK/cells"
  # Na2O (antifluorite) and NaBH4 (rock salt, one ordered BH4 orientation) as 2x2x2 supercells of their
  # orthogonal 2-formula-unit cells (a/√2, a/√2, a; configs.py tet-*): 48 atoms (7.85 x 7.85 x 11.1 Å) and
  # 96 atoms (8.7 x 8.7 x 12.3 Å), each 4 conventional cells, so a = (V/4)^(1/3). Until 3 Dec 2026 these were
  # supercells of the fcc primitive cells (81 and 48 atoms), but CP2K's grids are several times slower in a
  # non-orthogonal cell (48-atom NaBH4: 25-37 s per SCF step against 8 s for an 80-atom antiperovskite,
  # measured). The cell is held tetragonal (a = b); every atom sits on a site whose symmetry makes its force vanish.
  python3 "$here/configs.py" tet-na2o 5.55 "$WORK/cells/na2o-tet.extxyz"
  pw build supercell "$WORK/cells/na2o-tet.extxyz" --supercell 2x2x2 -o "$WORK/cells/na2o-222.extxyz" >/dev/null
  python3 "$here/configs.py" tet-nabh4 6.163 "$WORK/cells/nabh4-tet.extxyz"
  pw build supercell "$WORK/cells/nabh4-tet.extxyz" --supercell 2x2x2 -o "$WORK/cells/nabh4-222.extxyz" >/dev/null
  relax_one na2o "$WORK/cells/na2o-222.extxyz" --cell-symmetry tetragonal
  [[ "${1:-}" == na2o ]] && return 0
  relax_one nabh4 "$WORK/cells/nabh4-222.extxyz" --cell-symmetry tetragonal
}

# ---- Stage 2b: relaxed scans (upper bounds, tighter than the unrelaxed ones) ----
# For each scan of stage 1: the start (t = 0 / 0°) relaxed with every atom free, and the midpoint
# (t = 0.5 / 45°, the saddle of the straight or symmetric path) relaxed with the moving atoms held
# where the scan put them (the hopping Na; the rotating anion's H atoms and its centre). The
# midpoint's energy is at or above the lowest point of the symmetric dividing surface, so
# E(mid) − E(start) is still an upper bound of the barrier, but one in which the lattice has
# relaxed around the moving ion. Positions only, the scan's cell, 0.05 eV/Å.
scan_frames() { # scan -> its frames: the committed DFT-labelled ones (exact scan geometry, also in a fresh session), else the work folder's
  if [[ -f "$here/$1.extxyz" ]]; then echo "$here/$1.extxyz"; else echo "$WORK/scan/$1.extxyz"; fi
}
barrier_one() { # scan charge frame-index fix-args...
  local scan=$1 q=$2 k=$3 name=$4 t0=$SECONDS; shift 4
  done_piece "relaxed-$scan-$name" && return 0
  local d="$WORK/barrier/$scan-$name" src; src=$(scan_frames "$scan")
  mkdir -p "$d"
  local rattle=(--rattle 0.02 --rattle-seed 20261204) # BFGS keeps a start's symmetry; a resumed run takes the restart's positions
  if [[ -f "$here/inputs/barrier-$scan-$name.extxyz" ]]; then # a committed starting guess (basin stage), rattled already
    cp "$here/inputs/barrier-$scan-$name.extxyz" "$WORK/barrier/$scan-$name.extxyz"
    rattle=()
  elif [[ $name == plane ]]; then # rotated so that the hop runs along x: --fix-x holds the ion on its dividing plane
    cfg plane "$src" "$k" "$WORK/barrier/$scan-$name.extxyz"
  else
    cfg frame "$src" "$k" "$WORK/barrier/$scan-$name.extxyz"
  fi
  seed_restart "$d" "barrier-$scan-$name"
  log "relaxed scan point $scan $name $*"
  if pw dft relax "$WORK/barrier/$scan-$name.extxyz" --fmax 0.05 --charge "$q" "$@" "${rattle[@]}" "${DFT[@]}" -o "$d" --json > "$d.json.tmp"; then
    json_structure "$d.json.tmp" "relaxed-$scan-$name" "$d" > "$here/data/relaxed-$scan-$name.json" && rm "$d.json.tmp"
    cp "$d/relaxed.vasp" "$here/data/relaxed-$scan-$name.vasp"
    [[ -f "$d/relaxed.extxyz" ]] && mkdir -p "$here/data/structures" && cp "$d/relaxed.extxyz" "$here/data/structures/relaxed-$scan-$name.extxyz"
    harvest_relax "$d" barrier "$scan-$name" "$WORK/barrier/$scan-$name.extxyz"
    record "relaxed-$scan-$name" relaxed-scan-point 1 "$(head -1 "$WORK/barrier/$scan-$name.extxyz")" $((SECONDS - t0))
  else
    log "relaxed scan point $scan $name failed (see $d/relax.out)"
  fi
}
# The hops also get a dividing-plane point (`plane`, before the held midpoints): the scan's midpoint frame
# rotated so that the straight path runs along x, relaxed with only the hopping ion's x held (`dft relax
# --fix-x`), so the ion slides within the plane that bisects the path and curves away from the anion the
# straight line grazes (1.6 Å from O at t = 0.5). Every path from start to end crosses that plane, so the
# constrained minimum is a lower bound of the barrier, and for a symmetric hop (start and end mirror images,
# as in the x = 0 vacancy cell with aligned BH4) it is the saddle itself; with the held midpoint (an upper
# bound) it brackets the barrier.
barrier_stage() {
  local s pass
  for pass in 1 2; do
    for s in scan-hop-x0:-1:plain scan-hop-x1:0:plain scan-rot-bh4-x1:0:centre scan-rot-nh2-x1:0:centre; do
      local scan=${s%%:*} rest=${s#*:}; local q=${rest%%:*} mode=${rest#*:}
      local src; src=$(scan_frames "$scan")
      [[ -f "$src" ]] || { log "no $scan.extxyz (stage scan first)"; continue; }
      local fix; fix=$(cfg moved "$src" ${mode/plain/})
      if ((pass == 1)); then
        barrier_one "$scan" "$q" 0 start
        # plane: the hopping ion's x and an anchor's (session 17: with one held atom the crystal slides along x past it)
        if [[ $mode == plain ]]; then barrier_one "$scan" "$q" 2 plane --fix-x "$fix,$(cfg anchor "$src" "$fix")"; else barrier_one "$scan" "$q" 2 mid --fix "$fix"; fi
      elif [[ $mode == plain ]]; then
        barrier_one "$scan" "$q" 2 mid --fix "$fix"
      fi
    done
  done
}

# ---- Stage 2b': the x = 0 hop from the lowest start found, not the symmetric one (4 Dec 2026, session 13) ----
# The relaxed start above kept its four BH4 aligned (S4 axis along c): BFGS keeps a start's symmetry, so it
# stopped on a symmetric stationary point. Relaxed by `na-amide-borohydride-dft` (FIRE, 0.01 eV/Å) from that PBE
# start, every BH4 turns by 17–59° and PBE puts that unrelaxed geometry 0.042 eV below the PBE "minimum" (max
# force 1.0 eV/Å, so the relaxed tilted start lies lower still). inputs/barrier-scan-hop-x0-tilt-{start,plane}.extxyz
# are the model's relaxed start and dividing plane (ion 2's x held), each rattled by ≤ 0.02 Å (uniform, seed
# 20261204) to break the mirror the model kept; relaxed in PBE they give the scan-hop-x0-tilt pair.
# x = 1 (session 14): the shipped model, relaxing the scan's dividing-plane frame in a c-periodic doubled cell (three
# rattles of ±0.05 Å, the halves kept identical), turns BH4 by up to 2.1 Å of H travel and ends 0.34–0.36 eV per 40 atoms
# below its relaxation of the PBE x = 1 start (aligned anions; rattled starts stay within 0.02 eV of it). With the hopping
# Na put back on its start site in that plane's anion arrangement, the model's start lies 0.015 eV below the plane.
# inputs/barrier-scan-hop-x1-tilt-start.extxyz (that start, turned back to the axis-aligned cell) and -plane.extxyz
# (the plane, ion 4's x held) are those two model minima, rattled by ≤ 0.02 Å (python random, seed 20261204).
basin_x1_stage() {
  barrier_one scan-hop-x0-tilt -1 0 start
  barrier_one scan-hop-x0-tilt -1 0 plane --fix-x 2
  barrier_one scan-hop-x1-tilt 0 0 start
  # scan-hop-x1-tilt plane (--fix-x 4) is left unfinished on purpose (session 17): its ion 4 slid within the held plane back
  # onto the tilted start's own ion-4 position (0.01 Å apart, every other atom within 0.25 Å), because that start had ion 4
  # on a site lying in the plane; the pair measures no hop. Its last step (4 Dec 2026, 20:5x UTC) is the lowest x = 1 minimum found.
  # scan-hop-x1-low: that last step turned back to the axis-aligned cell (start, relaxed freely) and the hop of ion 4 from
  # there to the vacant face centre it leans towards (2.59 Å; the mean of the corner B atoms 9 and 11 raised c/2), its
  # midpoint put on the dividing plane, relaxed by na-amide-borohydride-dft with ion 4's x held (cells doubled along c,
  # plane 0.257 eV above the model's start), rattled by ≤ 0.02 Å (seed 20261204).
  barrier_one scan-hop-x1-low 0 0 start
  # The plane also holds the x of B 12, the heavy atom farthest from ion 4 (6.3 Å): with only ion 4's x held, the rest of the
  # crystal is free to slide rigidly along x, and in an asymmetric hop the restoring force on ion 4 slid it that way, back
  # towards its site (1.10 → 0.80 Å from it in 50 BFGS steps, the energy falling 0.26 → 0.18 eV; restarted 22:51 UTC, 4 Dec 2026).
  barrier_one scan-hop-x1-low 0 0 plane --fix-x 4,12
}
basin_stage() {
  basin_x1_stage
  # scan-hop-x0-anch: the tilted x = 0 pair again, from its relaxed PBE structures, the plane now also holding the x of N 15
  # (configs.py anchor, the heavy atom farthest from ion 2): the one-atom plane slid 0.04 Å towards the end site (session 17)
  barrier_one scan-hop-x0-anch -1 0 start
  barrier_one scan-hop-x0-anch -1 0 plane --fix-x 2,15
}

# ---- Stage 2c: the cost of a climbing-image NEB, measured (not a barrier) ----
# A CI-NEB of these cells runs for many hours here, so the barriers above are relaxed scans; this
# probe runs three band steps of CP2K's BAND (5 movable images) for the 35-atom x = 0 vacancy hop between
# its relaxed start (the relaxed-scan-hop-x0-start piece) and that start carried onto the end state by the
# cell's 2-fold axis through the hop's midpoint (configs.py mirror: the relaxed end by symmetry), and records
# the wall time per band step in MANIFEST.tsv and data/neb-probe.json, so the cost of a full NEB (steps × cost
# per step) is a measured number. The band's folder is kept, so `dft neb` can continue it to convergence.
nebprobe_stage() {
  done_piece neb-probe && return 0
  local start="$here/data/structures/relaxed-scan-hop-x0-start.extxyz"
  [[ -f "$start" ]] || { log "no $start (stage barrier first)"; return 0; }
  local t0=$SECONDS d="$WORK/neb-probe"
  mkdir -p "$d"
  cp "$start" "$d/initial.extxyz"
  cfg mirror "$(scan_frames scan-hop-x0)" "$d/initial.extxyz" "$d/final.extxyz" 2>> "$WORK/generate.log" || { log "NEB probe: no end state"; return 0; }
  log "NEB cost probe: 5 images, 3 band steps, 35 atoms, relaxed x = 0 hop end points"
  pw dft neb "$d/initial.extxyz" "$d/final.extxyz" --images 5 --max-steps 3 --charge -1 "${DFT[@]}" -o "$d/run" > "$d/neb.log" 2>&1
  local rc=$? wall=$((SECONDS - t0)) evals scf
  # image energy evaluations done (CP2K prints one "ENERGY| Total FORCE_EVAL" per replica evaluation)
  evals=$(grep -rh "ENERGY| Total FORCE_EVAL" "$d/run" 2>/dev/null | wc -l)
  scf=$(grep -rh "SCF run converged in" "$d/run" 2>/dev/null | awk '{s += $(NF-2)} END {print s + 0}') # "*** SCF run converged in  23 steps ***"
  printf '{"images": 5, "atoms": 35, "band_steps_requested": 3, "image_evaluations": %s, "scf_iterations": %s, "wall_s": %s, "exit_status": %s, "end_points": "relaxed-scan-hop-x0-start and its image under the 2-fold axis through the hop midpoint", "settings": "800 Ry / rel 60 Ry, XC smoothing, DZVP-MOLOPT-SR-GTH, PBE, Gamma, OT CG, 2 MPI ranks"}\n' \
    "$evals" "$scf" "$wall" "$rc" > "$here/data/neb-probe.json"
  [[ -f "$d/run/profile.csv" ]] && cp "$d/run/profile.csv" "$here/data/neb-probe-profile.csv"
  record neb-probe neb-cost-probe "$evals" 35 "$wall"
}

# ---- Relabelling: pieces whose SCF stopped in a wrong state, recomputed on the same frames ----
# RELABEL.tsv (piece, charge, reason) lists them. Until 3 Dec 2026 the SCF was OT DIIS; on md-x1-250K-2 it stopped
# 6.5 eV (81 meV/atom) above the ground state that OT CG found from the same atomic guess (README, "SCF traps"), and the
# piece's later frames, restarted from that wavefunction, inherited the state. The frames' positions are kept; energies,
# forces, stresses and charges are recomputed at the current settings (OT CG), each frame's `source` is kept (it is the
# key of the fixed train/test split), and the superseded labels go to superseded/<piece>.extxyz.gz (not read by fit-ff).
relabel_stage() {
  local list="$here/RELABEL.tsv" piece q reason
  [[ -f "$list" ]] || return 0
  while IFS=$'\t' read -r piece q reason; do
    [[ -z "$piece" || "$piece" == piece || "$piece" == \#* ]] && continue
    done_piece "relabel-$piece" && continue
    [[ -f "$here/$piece.extxyz" ]] || { log "relabel $piece: no $piece.extxyz"; continue; }
    local t0=$SECONDS d="$WORK/relabel/$piece" guess=()
    mkdir -p "$d"
    [[ -f "$WORK/relabel/$piece.wfn" ]] && guess=(--guess-wavefunction "$WORK/relabel/$piece.wfn")
    log "relabel $piece ($reason)"
    if pw dft single-point "$here/$piece.extxyz" --charge "$q" "${DFT[@]}" "${guess[@]}" --config-type "${piece%-[0-9]*}" -o "$d/sp"; then
      python3 - "$here/$piece.extxyz" "$d/sp/single-points.extxyz" "$d/relabelled.extxyz" <<'PY' || { log "relabel $piece: could not carry the sources over"; continue; }
import re, sys
def heads(p):
    L = open(p).read().split("\n"); i = 0; out = []
    while i < len(L) and L[i].strip():
        n = int(L[i]); out.append((i + 1, L[i + 1])); i += 2 + n
    return L, out
_, old = heads(sys.argv[1])
L, new = heads(sys.argv[2])
assert len(old) == len(new), "frame counts differ"
for (_, ho), (k, hn) in zip(old, new):
    src = re.search(r'source=(\S+)', ho).group(1)
    L[k] = re.sub(r'source=\S+', 'source=' + src, hn) if 'source=' in hn else hn + ' source=' + src
open(sys.argv[3], "w").write("\n".join(L))
PY
      mkdir -p "$here/superseded"
      gzip -c "$here/$piece.extxyz" > "$here/superseded/$piece.extxyz.gz"
      cp "$d/relabelled.extxyz" "$here/$piece.extxyz"
      (cd "$repo" && git add forcefields/dft/superseded) >/dev/null 2>&1
      record "relabel-$piece" relabel "$(grep -c Lattice "$here/$piece.extxyz")" "$(head -1 "$here/$piece.extxyz")" $((SECONDS - t0))
    else
      log "relabel $piece failed (see $d/sp)"
    fi
  done < "$list"
}

# Lattice parameter of record for the cells below: the DFT one when relaxed, else Vegard's guess.
a_of() { # name fallback
  local f="$here/data/relax-$1.json"
  if [[ -f "$f" ]]; then python3 -c "import json,sys;d=json.load(open('$f'));print('%.4f'%((d['volume_A3'])**(1/3)/2))"; else echo "$2"; fi
}

# One single-point piece: inputs -> data/<piece>.extxyz. The first SCF of a piece starts from the
# newest wavefunction of an earlier piece with the same atoms in the same order (keyed by the species
# sequence of its first frame): 206 s instead of 2365 s for a 40-atom cell, measured.
species_key() { awk 'NR==1{n=$1} NR>2 && NR<=2+n {printf "%s ", $1}' "$1" | md5sum | cut -c1-16; }
# Finer rotation scans (session 10, 4 Dec 2026): the 3-point scans put the NH2 barrier at 0.64 eV in PBE and 0.48 in the
# shipped model (BH4: 0.00 against 0.01), with nothing between 0° and 22.5° or 22.5° and 45° to say where the curve
# bends. Same 40-atom cell and axis as scan_stage, at 0, 11.25, 33.75 and 45° (the end points again, so that each
# piece is a whole profile: `dft compare` and `fit-ff --relative-energy` take energies relative within a piece).
scan_fine_stage() {
  local a1 S="$WORK/scan"
  mkdir -p "$S" "$WORK/sp"
  a1=$(a_of x1 4.70)
  [[ -f "$S/x1-221.extxyz" ]] || pw build antiperovskite --x 1 --supercell 2x2x1 --orientation aligned --a "${a1}Å" --seed 3 -o "$S/x1-221.extxyz" >/dev/null
  cfg rotate-first "$S/x1-221.extxyz" N z "$S/scan-fine-rot-nh2-x1.extxyz" 0 11.25 33.75 45
  sp_piece scan-fine-rot-nh2-x1 0 "$S/scan-fine-rot-nh2-x1.extxyz"
  cfg rotate-first "$S/x1-221.extxyz" B z "$S/scan-fine-rot-bh4-x1.extxyz" 0 11.25 33.75 45
  sp_piece scan-fine-rot-bh4-x1 0 "$S/scan-fine-rot-bh4-x1.extxyz"
}
# BH4 rotation in NaBH4 (session 14, 4 Dec 2026): the shipped model's BH4 reorientation in NaBH4 MD has Ea 0.083 eV
# against QENS 0.114-0.124 eV, and no DFT datum says what the rotation costs there. A rigid turn of one BH4 about the
# cubic [001] axis (its S4 axis) in the orthogonal 2x2x1 cell of rock-salt NaBH4 (48 atoms, a = 6.163 Å measured), at
# 0, 15, 30 and 45° (45°: halfway through the 90° jump about [001] between the two orientations of the disordered
# phase). Unrelaxed, so an upper bound of that jump's barrier, like the antiperovskite scans.
nabh4_221() { # A OUT: the orthogonal 2x2x1 NaBH4 cell (48 atoms) of cubic lattice parameter A, built once
  [[ -f "$2" ]] && return 0
  cfg tet-nabh4 "$1" "${2%.extxyz}-tet.extxyz"
  pw build supercell "${2%.extxyz}-tet.extxyz" --supercell 2x2x1 -o "$2" >/dev/null
}
scan_nabh4_stage() {
  local S="$WORK/scan"
  mkdir -p "$S" "$WORK/sp"
  nabh4_221 6.163 "$S/nabh4-221.extxyz"
  cfg rotate-first "$S/nabh4-221.extxyz" B z "$S/scan-rot-bh4-nabh4.extxyz" 0 15 30 45
  sp_piece scan-rot-bh4-nabh4 0 "$S/scan-rot-bh4-nabh4.extxyz"
}
# BH4 rotation in NaBH4, training scans (session 28, 6 Dec 2026): the bundled model (session 27) puts the held-out scan
# above at 0.037 eV against PBE's 0.118 eV, and its NaBH4 MD swells to 6.48 Å at 300 K (+5 %) with Ea 0.048 eV against
# QENS 0.114-0.124 eV. The one NaBH4 rotation scan hashes into the fixed test split, so no fit ever saw what a BH4 turn
# costs in NaBH4. These scans give the fit that, and leave the held-out scan a prediction: the same [001] turn at the
# volumes the models reach when warm (6.35 and 6.55 Å), and a turn about the orthogonal cell's x axis (cubic [110]) at the
# measured 6.163 Å, through orientations no [001] turn visits (to 30°, nearest Na–H 2.03 Å; the [001] turn at 45° reaches 2.20 Å). Names end in a letter so that the config_type (the piece
# name less a trailing -<digits>) stays distinct from the held-out scan's.
scan_nabh4_train_stage() {
  local S="$WORK/scan" a
  mkdir -p "$S" "$WORK/sp"
  for a in 6.35 6.55; do
    nabh4_221 "$a" "$S/nabh4-221-$a.extxyz"
    cfg rotate-first "$S/nabh4-221-$a.extxyz" B z "$S/scan-rot-bh4-nabh4-a${a/./}.extxyz" 0 15 30 45
    sp_piece "scan-rot-bh4-nabh4-a${a/./}" 0 "$S/scan-rot-bh4-nabh4-a${a/./}.extxyz"
  done
  nabh4_221 6.163 "$S/nabh4-221.extxyz"
  cfg rotate-first "$S/nabh4-221.extxyz" B x "$S/scan-rot-bh4-nabh4-xaxis.extxyz" 0 10 20 30
  sp_piece scan-rot-bh4-nabh4-xaxis 0 "$S/scan-rot-bh4-nabh4-xaxis.extxyz"
}
# k-point check of the x = 1 scans (session 14, 4 Dec 2026): the 2x2x1 Γ cells are 4.70 Å along c, and frame 0 doubled
# to 2x2x2 lies 52 meV/atom lower (kcheck-scan-rot-bh4-x1). The fits and dft compare use energy differences within a
# scan as if that error cancelled. Here each scan's last point is doubled along c too: with Γ converged,
# E(2x2x2) / 2 − E(2x2x1) is the same for every frame, so the scan's barrier is [E_k(2x2x2) − E_0(2x2x2)] / 2.
# The shipped model misses the NH2 (−0.15 eV) and x = 1 hop (−0.15 eV) scans at any energy weight.
kcheck_stage() {
  local S="$WORK/kcheck" scan
  mkdir -p "$S" "$WORK/sp"
  for scan in scan-rot-nh2-x1 scan-hop-x1; do
    cfg double-c "$here/$scan.extxyz" 2 "$S/$scan-2-doubled.extxyz"
    sp_piece "kcheck-$scan-2" 0 "$S/$scan-2-doubled.extxyz"
  done
}
sp_piece() { # piece charge file...
  local piece=$1 charge=$2; shift 2
  done_piece "$piece" && return 0
  local t0=$SECONDS key guess=()
  key="$(species_key "$1")-q$charge"
  mkdir -p "$WORK/wfn"
  [[ -f "$WORK/wfn/$key.wfn" ]] && guess=(--guess-wavefunction "$WORK/wfn/$key.wfn")
  log "single points $piece ($(grep -c Lattice "$@" | tail -1) frames${guess:+, SCF from an earlier piece})"
  if pw dft single-point "$@" --charge "$charge" "${DFT[@]}" "${guess[@]}" --config-type "${piece%-[0-9]*}" -o "$WORK/sp/$piece"; then
    cp "$WORK/sp/$piece/single-points.extxyz" "$here/$piece.extxyz"
    local newest; newest=$(ls -t "$WORK/sp/$piece"/work/*/sp-RESTART.wfn 2>/dev/null | head -1)
    [[ -n "$newest" ]] && cp "$newest" "$WORK/wfn/$key.wfn"
    record "$piece" single-points "$(grep -c Lattice "$WORK/sp/$piece/single-points.extxyz")" "$(head -1 "$1")" $((SECONDS - t0))
  else
    log "single points $piece failed (continuing with the next piece; rerun resumes)"
  fi
}

# ---- Stage 1: barrier scans (unrelaxed: only the moving atoms move; upper bounds) on 2x2x1 cells ----
scan_stage() {
  local a0 a1 S
  mkdir -p "$WORK/scan" "$WORK/sp"
  a0=$(a_of x0 4.57); a1=$(a_of x1 4.70)
  S="$WORK/scan"
  # Na vacancy hop in Na3O(BH4): one Na removed (charge -1, uniform background), a neighbour in the
  # same c-plane moved towards the empty site; t = 0.5 is the saddle of the straight path by symmetry.
  pw build antiperovskite --x 0 --supercell 2x2x1 --orientation aligned --a "${a0}Å" -o "$S/x0-221.extxyz" >/dev/null
  cfg remove "$S/x0-221.extxyz" Na midplane "$S/x0vac-221.extxyz"
  cfg hop "$S/x0vac-221.extxyz" "$a0" "$S/scan-hop-x0.extxyz" 0 0.25 0.5
  sp_piece scan-hop-x0 -1 "$S/scan-hop-x0.extxyz"
  # Na hop into one of the built-in vacancies of Na2(NH2)(BH4) (x = 1 has one per formula unit).
  pw build antiperovskite --x 1 --supercell 2x2x1 --orientation aligned --a "${a1}Å" --seed 3 -o "$S/x1-221.extxyz" >/dev/null
  cfg hop "$S/x1-221.extxyz" "$a1" "$S/scan-hop-x1.extxyz" 0 0.25 0.5
  sp_piece scan-hop-x1 0 "$S/scan-hop-x1.extxyz"
  # 90° reorientations about the c axis (an S4 axis of the aligned BH4, the C2 axis of the aligned
  # NH2): 45° is the midpoint by symmetry.
  cfg rotate-first "$S/x1-221.extxyz" B z "$S/scan-rot-bh4-x1.extxyz" 0 22.5 45
  sp_piece scan-rot-bh4-x1 0 "$S/scan-rot-bh4-x1.extxyz"
  cfg rotate-first "$S/x1-221.extxyz" N z "$S/scan-rot-nh2-x1.extxyz" 0 22.5 45
  sp_piece scan-rot-nh2-x1 0 "$S/scan-rot-nh2-x1.extxyz"
}

# ---- Stage 3: snapshots of classical MD (the provisional model) at 250-900 K ----
# Antiperovskites as 2x2x2 cells (72-80 atoms: the embedded engine needs cells wider than twice a
# molecule's extent), NaBH4 and Na2O as the Γ supercells of their relaxations (48 and 81 atoms).
# The classical model visits roughly what the MD of the study visits; DFT labels correct it. Three
# snapshots 1 ps apart (NVT: t = 0, 1, 2 ps after 1 ps of equilibration) per piece. Each round covers every composition and temperature once;
# the cell is strained by -3 %, 0 or +3 % in a/(DFT a), cycling with round and temperature, so that
# every round samples compressed, relaxed and stretched cells (stress data) and every (composition,
# T) meets all three strains over three rounds. 900 K is above the melting point of x = 1 (492 K,
# Somer 2010; the classical model melts it between 400 and 500 K), so the melt is sampled too.
# From round 2 on the cycle is 1.00 / 1.03 / 1.06 instead: round 1 measured that hot snapshots sit far above
# 0 GPa at the 0 K cell (x = 0 with a vacancy at 700 K: +4.3 GPa unstrained; at 500 K: +1.4 GPa at +3 %), so the
# volumes that NPT MD at 0 GPa visits lie 3-4 % (linear) above the 0 K cell, while -3 % cells (+8 GPa) are visited
# by nothing the study runs.
strain_of() { # round temperature-index -> lattice factor
  if (($1 == 1)); then
    case $(( ($1 + $2) % 3 )) in 0) echo 1.00 ;; 1) echo 0.97 ;; 2) echo 1.03 ;; esac
  else
    case $(( ($1 + $2) % 3 )) in 0) echo 1.00 ;; 1) echo 1.03 ;; 2) echo 1.06 ;; esac
  fi
}
# Which model sampled each MD piece: SAMPLERS.tsv (piece, model), committed with the data. A sampler given as a
# JSON file is copied into samplers/ under its content hash, so the record names a file that stays in the repository.
samplers="$here/SAMPLERS.tsv"
[[ -f "$samplers" ]] || printf 'piece\tsampler\n' > "$samplers"
sampler_ref() {
  if [[ -f "$SAMPLER_FF" ]]; then
    local h; h=$(sha256sum "$SAMPLER_FF" | cut -c1-12)
    mkdir -p "$here/samplers"; [[ -f "$here/samplers/$h.json" ]] || cp "$SAMPLER_FF" "$here/samplers/$h.json"
    echo "samplers/$h.json"
  else
    echo "$SAMPLER_FF"
  fi
}
md_piece() { # piece structure-file temperature seed charge
  local piece=$1 cell=$2 T=$3 seed=$4 q=$5
  done_piece "$piece" && return 0
  local d="$WORK/md/${piece#md-}"
  # md.done marks a finished classical run: a run killed half way (or one made for an older cell) is redone
  # rather than its partial trajectory labelled (measured 3 Dec 2026: a killed run left 2 of 3 frames).
  if [[ ! -f "$d/md.done" ]]; then
    rm -rf "$d"
    pw md -i "$cell" --ff "$SAMPLER_FF" --temperature "${T}K" --equilibrate 1ps --time 2ps --every 1ps \
       --seed "$seed" -o "$d" --quiet >/dev/null || { log "classical MD $piece failed"; return 0; }
    sampler_ref > "$d/sampler"
    touch "$d/md.done"
  fi
  # (a run finished before 3 Dec 2026 09:00 has no record: every one of those used the default classical model)
  grep -q "^$piece	" "$samplers" || printf '%s\t%s\n' "$piece" "$(cat "$d/sampler" 2>/dev/null || echo na-amide-borohydride)" >> "$samplers"
  sp_piece "$piece" "$q" "$d/trajectory.extxyz"
}
md_round() { # round
  local round=$1 a0 a1 comp x a q T i f cell
  mkdir -p "$WORK/md" "$WORK/sp" "$WORK/cells"
  # x = 1 until relax-x1 converges: round 1 used the measured 4.70 Å, which at this level of theory is
  # compressed (its cells came out at +6 to +9 GPa unstrained); from round 2 on the partly converged
  # relaxation's 4.765 Å (checkpoints/progress.txt, 2 Dec 2026: P = +0.08 GPa, internal gradient not yet
  # converged), so the strain cycle -3/0/+3 % brackets the DFT volume. (The scans keep 4.70 Å: their
  # frames are committed data.)
  a0=$(a_of x0 4.57); a1=$(a_of x1 $( (($1 == 1)) && echo 4.70 || echo 4.765))
  i=0
  for T in 250 500 700 900; do
    f=$(strain_of "$round" "$i"); i=$((i + 1))
    for comp in x1 x05 x0vac; do
      case $comp in
        x1) x=1; a=$a1; q=0 ;;
        x05) x=0.5; a=$(python3 -c "print('%.4f'%(($a0+$a1)/2))"); q=0 ;;
        x0vac) x=0; a=$a0; q=-1 ;;
      esac
      a=$(python3 -c "print('%.4f'%($a*$f))")
      cell="$WORK/md/$comp-$round-$f.extxyz"
      pw build antiperovskite --x $x --supercell 2x2x2 --a "${a}Å" --seed "$round" -o "$cell" >/dev/null
      if [[ $comp == x0vac ]]; then cfg remove "$cell" Na midplane "${cell%.extxyz}-vac.extxyz"; cell="${cell%.extxyz}-vac.extxyz"; fi
      md_piece "md-$comp-${T}K-$round" "$cell" "$T" "$round" "$q"
    done
  done
  ref_round "$round"
}
ref_round() { # round: the two reference compounds' pieces of that MD round (also a stage of its own, ref2..ref5)
  local round=$1 f
  mkdir -p "$WORK/md" "$WORK/sp"
  # The two reference compounds, one temperature each per round (NaBH4 melts at 778 K: 250-700 K).
  local tb=(250 500 700 500 250) tn=(500 900 250 700 900)
  # Orthogonal cells (relax_reference_stage), except md-nabh4-250K-1, which was half done in the fcc primitive
  # 48-atom cell when they changed (3 Dec 2026).
  f=$(strain_of "$round" 1)
  if ((round == 1)); then
    cfg prim-nabh4 "$(python3 -c "print('%.4f'%(6.163*$f))")" "$WORK/md/nabh4-prim-$f.extxyz"
  else
    cfg tet-nabh4 "$(python3 -c "print('%.4f'%(6.163*$f))")" "$WORK/md/nabh4-prim-$f.extxyz"
  fi
  pw build supercell "$WORK/md/nabh4-prim-$f.extxyz" --supercell 2x2x2 -o "$WORK/md/nabh4-$f.extxyz" >/dev/null
  md_piece "md-nabh4-${tb[round-1]}K-$round" "$WORK/md/nabh4-$f.extxyz" "${tb[round-1]}" "$round" 0
  f=$(strain_of "$round" 2)
  cfg tet-na2o "$(python3 -c "print('%.4f'%(5.55*$f))")" "$WORK/md/na2o-tet-$f.extxyz"
  pw build supercell "$WORK/md/na2o-tet-$f.extxyz" --supercell 2x2x2 -o "$WORK/md/na2o-$f.extxyz" >/dev/null
  md_piece "md-na2o-${tn[round-1]}K-$round" "$WORK/md/na2o-$f.extxyz" "${tn[round-1]}" "$round" 0
}

# NaBH4 at 300 K in the cells the N,B-centred fits swell it to (session 26, 5 Dec 2026): every such fit relaxes NaBH4
# to within 2.2 % of PBE at 0 K but reaches a(300 K) = 6.50-6.58 Å (+5.4 to +6.7 % over the measured 6.163 Å) in NPT,
# where the data had one 500 K piece (md-nabh4-500K-4, 6.533 Å). Two 300 K pieces at 1.05 and 1.07 x 6.163 Å (6.47,
# 6.59 Å), sampled by the model given as SAMPLER_FF (the candidate that swells, so its own soft modes are labelled).
warm_nabh4_stage() {
  local f r=6
  mkdir -p "$WORK/md" "$WORK/sp"
  for f in 1.07 1.05; do
    cfg tet-nabh4 "$(python3 -c "print('%.4f'%(6.163*$f))")" "$WORK/md/nabh4-prim-$f.extxyz"
    pw build supercell "$WORK/md/nabh4-prim-$f.extxyz" --supercell 2x2x2 -o "$WORK/md/nabh4-$f.extxyz" >/dev/null
    md_piece "md-nabh4-300K-$r" "$WORK/md/nabh4-$f.extxyz" 300 "$r" 0
    r=$((r + 1))
  done
}

# ---- Does the cut-off correction hold across NaBH4's volumes? (session 27, 6 Dec 2026; not in the default STAGES) ----
# Every N,B-centred fit puts hot, swollen NaBH4 ~8 meV/atom too low against its relaxed crystal (forcefields/README.md,
# session 26). The two cells' grids resolve different effective cut-offs, which the fitted ion curves correct for; if
# that correction is wrong by the difference, the gap is the data's, not the model's. Test: the same two geometries (the
# first frame of md-nabh4-300K-6 at 6.594 Å and the last step of PBE's own NaBH4 relaxation, both the 96-atom tetragonal
# supercell) again at 1200 Ry, where the correction is a third as large. Frames go to data/cutcheck/ (read by neither
# fit-ff's dataset glob nor dft compare's default folders); compare with
# `dft compare --ff MODEL --dataset forcefields/dft/data/cutcheck/*.extxyz` beside the 800 Ry originals.
cutcheck_nabh4_stage() {
  local S="$WORK/cutcheck" name src k ecut=1200
  mkdir -p "$S" "$here/data/cutcheck"
  for name in swollen relaxed; do
    local piece="cutcheck-nabh4-$name-${ecut}Ry"
    done_piece "$piece" && continue
    if [[ $name == swollen ]]; then src="$here/md-nabh4-300K-6.extxyz"; k=0
    else src=$(ls "$here"/opt-relax-nabh4-*.extxyz | tail -1); k=$(( $(grep -c Lattice "$src") - 1 )); fi
    cfg frame "$src" "$k" "$S/$name.extxyz"
    local t0=$SECONDS guess=() key
    key="$(species_key "$S/$name.extxyz")-q0"
    [[ -f "$WORK/wfn/$key.wfn" ]] && guess=(--guess-wavefunction "$WORK/wfn/$key.wfn")
    log "single point $piece (frame $k of $(basename "$src"))"
    if pw dft single-point "$S/$name.extxyz" --charge 0 --ranks "$RANKS" --cutoff ${ecut}Ry --rel-cutoff 60Ry "${guess[@]}" \
        --config-type "cutcheck-nabh4-$name-${ecut}Ry" -o "$WORK/sp/$piece"; then
      cp "$WORK/sp/$piece/single-points.extxyz" "$here/data/cutcheck/$piece.extxyz"
      record "$piece" single-points 1 "$(head -1 "$S/$name.extxyz")" $((SECONDS - t0))
    else
      log "single point $piece failed (rerun resumes)"
    fi
  done
}

# ---- Liquid and its quenched glass, as the sampler's own MD makes them (from 4 Dec 2026) ----
# The refitted model melted x = 1 at every temperature down to 250 K (docs/melting.md), and its glass quenched from
# a 1000 K melt and relaxed lies 0.92 eV per 80-atom cell (11.5 meV/atom) *below* its relaxed crystal: in that model
# the disordered state, not the antiperovskite, is the ground state. Round 1's 900 K pieces ran NVT at the crystal's
# volume, where a small cell without a liquid seed superheats, so the data had no liquid and nothing told the fit
# where the disordered minima lie. Until session 10 each piece was meant as: the 2x2x2 cell molten at 1000 K (NVT, 3 ps),
# then NPT at 0 GPa and T (1 ps equilibration, 3 frames 1 ps apart); the glass piece relaxed the three frames of its own
# 400 K quench (after 3 ps). That is what glass_piece still does (glass-x1-1; glass-x1-2 came from the loop's round 2),
# but only the session-8 model's quench (check-glass-x1, made by hand) was disordered: see the next paragraph.
# A real melt (session 10, 4 Dec 2026): the anion-centre order S (configs.py order) showed that the 1000 K NVT "melts"
# of the pieces above never melted (S 0.78-0.84 at their ends; an 80-atom cell without a liquid seed superheats, and NPT
# at 1000 K still gave S 0.55-0.80 over 6 ps), so liquid-x1-400K-1 and glass-x1-1/-2 are crystals (S 0.82-0.99): their
# Na and anion arrangements are annealed, not random. 1500 K NPT melts the cell within 1 ps (S 0.05-0.2, measured with
# the shipped model); the melt is then held at T (NPT, above the models' melting points) and its frames are labelled,
# and `inherent_piece` relaxes those same frames: the liquid's inherent structures, the disordered minima.
melt_x1() { # dir structure-file seed: $dir/melt-end.extxyz, the end of 2 ps of NPT at 1500 K; logs its order
  local d=$1 cell=$2 seed=$3
  pw md -i "$cell" --ff "$SAMPLER_FF" --temperature 1500K --ensemble npt --pressure 0GPa --time 2ps --every 1ps --seed "$seed" \
     -o "$d/melt" --quiet >/dev/null || return 1
  cfg frame "$d/melt/trajectory.extxyz" -1 "$d/melt-end.extxyz"
  log "melt $(basename "$d"): anion order S(B), S(N) at 1500 K: $(cfg order "$d/melt-end.extxyz" | cut -f2,3 | tr '\t\n' '  ')"
}
label_piece() { # piece work-folder charge frames-file: record the piece's sampler (work-folder/sampler), label the frames
  grep -q "^$1	" "$samplers" || printf '%s\t%s\n' "$1" "$(cat "$2/sampler")" >> "$samplers"
  sp_piece "$1" "$3" "$4"
}
liquid_piece() { # piece structure-file temperature seed charge
  local piece=$1 cell=$2 T=$3 seed=$4 q=$5
  done_piece "$piece" && return 0
  local d="$WORK/liquid/${piece#liquid-}"
  if [[ ! -f "$d/md.done" ]]; then
    rm -rf "$d"; mkdir -p "$d"
    melt_x1 "$d" "$cell" "$seed" || { log "classical melt $piece failed"; return 0; }
    pw md -i "$d/melt-end.extxyz" --ff "$SAMPLER_FF" --temperature "${T}K" --ensemble npt --equilibrate 2ps --time 2ps --every 1ps \
       --seed "$seed" -o "$d/run" --quiet >/dev/null || { log "classical liquid MD $piece failed"; return 0; }
    log "liquid $piece: anion order S(B), S(N) per frame: $(cfg order "$d/run/trajectory.extxyz" | cut -f2,3 | tr '\t\n' ' ;')"
    sampler_ref > "$d/sampler"
    touch "$d/md.done"
  fi
  label_piece "$piece" "$d" "$q" "$d/run/trajectory.extxyz"
}
inherent_piece() { # piece liquid-piece charge: the liquid piece's three frames relaxed (cell free) by the same sampler
  local piece=$1 liquid=$2 q=$3 k
  done_piece "$piece" && return 0
  local src="$WORK/liquid/${liquid#liquid-}" d="$WORK/liquid/${piece}"
  [[ -f "$src/md.done" ]] || { log "inherent $piece: no finished liquid $liquid"; return 0; }
  if [[ ! -f "$d/relax.done" ]]; then
    rm -rf "$d"; mkdir -p "$d"
    for k in 0 1 2; do   # the liquid piece's three labelled frames (production only: 0, 1, 2 ps)
      cfg frame "$src/run/trajectory.extxyz" "$k" "$d/f$k.extxyz"
      # a glassy minimum relaxes slowly: 5000 FIRE steps reach about 0.05 eV/Å, accepted as they are (max force logged)
      pw relax -i "$d/f$k.extxyz" --ff "$SAMPLER_FF" --cell --fmax 0.02 --max-steps 5000 -o "$d/r$k.extxyz" --json > "$d/r$k.json" 2>/dev/null
      [[ -s "$d/r$k.extxyz" ]] || { log "inherent $piece: relaxation of frame $k failed"; return 0; }
      cat "$d/r$k.extxyz" >> "$d/inherent.extxyz"
    done
    log "inherent $piece: anion order S(B), S(N) per frame: $(cfg order "$d/inherent.extxyz" | cut -f2,3 | tr '\t\n' ' ;')"
    cp "$src/sampler" "$d/sampler"
    touch "$d/relax.done"
  fi
  label_piece "$piece" "$d" "$q" "$d/inherent.extxyz"
}
glass_piece() { # piece structure-file seed charge: the sampler's melt, quenched and relaxed; three glasses labelled
  local piece=$1 cell=$2 seed=$3 q=$4 k
  done_piece "$piece" && return 0
  local d="$WORK/liquid/${piece#glass-}"
  if [[ ! -f "$d/relax.done" ]]; then
    rm -rf "$d"; mkdir -p "$d"
    pw md -i "$cell" --ff "$SAMPLER_FF" --temperature 1000K --time 3ps --every 3ps --seed "$seed" -o "$d/melt" --quiet >/dev/null \
      || { log "classical melt $piece failed"; return 0; }
    cfg frame "$d/melt/trajectory.extxyz" -1 "$d/melt-end.extxyz"
    pw md -i "$d/melt-end.extxyz" --ff "$SAMPLER_FF" --temperature 400K --ensemble npt --equilibrate 3ps --time 2ps --every 1ps \
       --seed "$seed" -o "$d/run" --quiet >/dev/null || { log "classical quench $piece failed"; return 0; }
    for k in 0 1 2; do
      cfg frame "$d/run/trajectory.extxyz" "$k" "$d/f$k.extxyz"
      pw relax -i "$d/f$k.extxyz" --ff "$SAMPLER_FF" --cell --fmax 0.02 --max-steps 5000 -o "$d/r$k.extxyz" >/dev/null 2>&1
      [[ -s "$d/r$k.extxyz" ]] || { log "glass $piece: relaxation of frame $k failed"; return 0; }
      cat "$d/r$k.extxyz" >> "$d/glass.extxyz"
    done
    sampler_ref > "$d/sampler"
    touch "$d/relax.done"
  fi
  label_piece "$piece" "$d" "$q" "$d/glass.extxyz"
}
# Active learning on the glass: refit on everything labelled so far (the options of record, forcefields/fit-options.txt),
# let that fit make and relax its own glasses, label them, and again; each round shows the fit where its disordered
# minima lie too low. The glass − crystal energy of each refit (the guard of fit-dft.sh) is logged as it goes.
# ---- The models' own minima, labelled (session 19): forcefields/dft/selflabel.py builds inputs/selflabel/self-<cell>-<round>.extxyz
# from `dft compare --write-relaxed` (the model's relaxations of the PBE starts and dividing planes) beside PBE's relaxed starts of
# the same cell; PIECES.tsv names each frame's origin and model. Round 1: the bundled model and candidate -nbc4 (5 Dec 2026).
# Round 2: candidate -nbc5w10 (5 Dec 2026, session 19).
selflabel_stage() {
  local list="$here/inputs/selflabel/PIECES.tsv" piece q
  [[ -f "$list" ]] || return 0
  while read -r piece q; do
    sp_piece "$piece" "$q" "$here/inputs/selflabel/$piece.extxyz"
    # name each frame's origin and model (single points keep only config_type and source); idempotent
    [[ -f "$here/$piece.extxyz" ]] && python3 "$here/selflabel.py" annotate "$list" "$here/$piece.extxyz"
  done < <(awk -F'\t' 'NR > 1 && !seen[$1]++ {print $1, $2}' "$list")
}
glass_loop_stage() {
  local i fit opts
  mkdir -p "$WORK/glass-loop"
  read -r -a opts <<< "$(head -1 "$repo/forcefields/fit-options.txt")"
  # Rounds 1-2 (glass-x1-1, -2, done) quenched from a melt that had not melted (above); from round 3 on each round labels
  # a real liquid at 700 K and its inherent structures, both made by that round's refit.
  for i in 3 4 5 6; do
    done_piece "inherent-x1-$((i - 2))" && continue
    fit="$WORK/glass-loop/refit-$i.json"
    if [[ ! -s "$fit" ]]; then
      (cd "$repo" && pw fit-ff --dataset forcefields/dft/*.extxyz --form uf3 "${opts[@]}" -o "$fit.tmp" --report "$WORK/glass-loop/fit-$i" \
        > "$WORK/glass-loop/fit-$i.md") || { log "glass loop: refit $i failed"; return 0; }
      mv "$fit.tmp" "$fit"
    fi
    SAMPLER_FF="$fit" liquid_piece "liquid-x1-700K-$((i - 2))" "$WORK/liquid/x1-cell.extxyz" 700 $((20 + i)) 0
    SAMPLER_FF="$fit" inherent_piece "inherent-x1-$((i - 2))" "liquid-x1-700K-$((i - 2))" 0
  done
}
log_run() { # kind piece trajectory: the anion order per frame and the first cell edge per frame, logged
  log "$1 $2: anion order S(B), S(N) per frame: $(cfg order "$3" | cut -f2,3 | tr '\t\n' ' ;')" \
      "cell edges (A): $(grep -o 'Lattice="[0-9.]*' "$3" | cut -d'"' -f2 | tr '\n' ' ')"
}
x1_liquid_cell() { # the 2x2x2 x = 1 cell the liquid pieces melt (3 % above the relaxed lattice), built once; prints its path
  local cell="$WORK/liquid/x1-cell.extxyz"
  [[ -f "$cell" ]] || pw build antiperovskite --x 1 --supercell 2x2x2 --a "$(python3 -c "print('%.4f'%($(a_of x1 4.765)*1.03))")Å" \
    --seed 11 -o "$cell" >/dev/null
  echo "$cell"
}
# ---- The bundled model's own liquid at 550 K, labelled (session 30, 6 Dec 2026) ----
# The melting runs (docs/melting.md) put the bundled model's x = 1 melting point near 500 K, but the data held no liquid:
# nothing tells whether PBE agrees with the model's liquid at the density the model gives it. Melt at 1500 K at fixed
# volume (an NPT melt at 0 GPa of a weakly bound liquid can boil or cavitate), then NPT at 0 GPa and 550 K, 4 ps
# equilibration, 3 frames 1 ps apart; anion order S and the cell edge are logged per frame.
melt_model() { # work-folder structure-file model seed: the model's melt at 1500 K and fixed volume, 2 ps -> work-folder/melt-end.extxyz
  pw md -i "$2" --ff "$3" --temperature 1500K --time 2ps --every 1ps --seed "$4" -o "$1/melt" --quiet >/dev/null || return 1
  cfg frame "$1/melt/trajectory.extxyz" -1 "$1/melt-end.extxyz"
}
liquid_model_piece() { # piece structure-file temperature seed model
  local piece=$1 cell=$2 T=$3 seed=$4 ff=$5
  done_piece "$piece" && return 0
  local d="$WORK/liquid/${piece#liquid-}"
  if [[ ! -f "$d/md.done" ]]; then
    rm -rf "$d"; mkdir -p "$d"
    melt_model "$d" "$cell" "$ff" "$seed" || { log "classical melt $piece failed"; return 0; }
    pw md -i "$d/melt-end.extxyz" --ff "$ff" --temperature "${T}K" --ensemble npt --pressure 0GPa --equilibrate 4ps --time 2ps \
       --every 1ps --seed "$seed" -o "$d/run" --quiet >/dev/null || { log "classical liquid MD $piece failed"; return 0; }
    log_run liquid "$piece" "$d/run/trajectory.extxyz"
    SAMPLER_FF="$ff" sampler_ref > "$d/sampler"
    touch "$d/md.done"
  fi
  label_piece "$piece" "$d" 0 "$d/run/trajectory.extxyz"
}
# The same model's liquid at its own 0 GPa density: its bulk liquid keeps swelling for tens of ps after a melt (270 atoms,
# 550 K: 13.6 -> 16.4-16.6 A^3/atom over 60 ps, against 12.6 for its crystal; session 30), so the frames above (4-6 ps after
# the melt, 12.0-12.4 A^3/atom) are a compressed liquid. This piece holds an 80-atom melt at 16.4 A^3/atom (NVT, 550 K,
# 4 ps, 3 frames 1 ps apart): PBE's stress there says whether PBE, too, puts this liquid near zero pressure.
liquid_volume_piece() { # piece structure-file temperature seed model volume-per-atom
  local piece=$1 cell=$2 T=$3 seed=$4 ff=$5 vpa=$6
  done_piece "$piece" && return 0
  local d="$WORK/liquid/${piece#liquid-}"
  [[ -f "$d/recrystallised" ]] && { log "liquid $piece recrystallised in an earlier run: skipped"; return 0; }
  if [[ ! -f "$d/md.done" ]]; then
    rm -rf "$d"; mkdir -p "$d"
    melt_model "$d" "$cell" "$ff" "$seed" || { log "classical melt $piece failed"; return 0; }
    local e; e=$(python3 -c "
import re; h=open('$d/melt-end.extxyz').read().split('\n'); n=int(h[0]); a=[float(x) for x in re.search(r'Lattice=\"([^\"]+)\"',h[1]).group(1).split()]
import numpy as np; v=abs(np.linalg.det(np.array(a).reshape(3,3))); print('%.6f'%(($vpa*n/v)**(1/3)-1))")
    cfg strain-molecules "$d/melt-end.extxyz" "$e" "$e" "$e" "$d/scaled.extxyz"
    pw md -i "$d/scaled.extxyz" --ff "$ff" --temperature "${T}K" --equilibrate 4ps --time 2ps --every 1ps --seed "$seed" -o "$d/run" \
       --quiet >/dev/null || { log "classical liquid MD $piece failed"; return 0; }
    log "liquid $piece (NVT at $vpa A^3/atom, strain $e): anion order S(B), S(N) per frame: $(cfg order "$d/run/trajectory.extxyz" | cut -f2,3 | tr '\t\n' ' ;')"
    # An 80-atom liquid near the model's T_m recrystallises within picoseconds (session 31: 525 K, 15.65 A^3/atom, S(B)
    # 0.61-0.87): such frames are no liquid, so they are not labelled (the mark keeps a restart from redoing the MD).
    if python3 -c "import sys; s=[float(l.split()[1]) for l in sys.stdin if l.strip()]; sys.exit(0 if sum(s)/len(s) > 0.5 else 1)" \
        < <(cfg order "$d/run/trajectory.extxyz"); then
      log "liquid $piece recrystallised (mean S(B) above 0.5): not labelled"; touch "$d/recrystallised"; return 0
    fi
    SAMPLER_FF="$ff" sampler_ref > "$d/sampler"
    touch "$d/md.done"
  fi
  label_piece "$piece" "$d" 0 "$d/run/trajectory.extxyz"
}
liquid_model_stage() {
  mkdir -p "$WORK/liquid" "$WORK/sp"
  local cell; cell=$(x1_liquid_cell)
  liquid_model_piece liquid-x1-550K-1 "$cell" 550 31 "$repo/forcefields/na-amide-borohydride-dft.json"
  liquid_volume_piece liquid-x1-550K-expanded-1 "$cell" 550 32 "$repo/forcefields/na-amide-borohydride-dft.json" 16.4
}
# ---- PBE's melting point from the model's: more of the model's own liquid, and its own crystal (session 31, 6 Dec 2026) ----
# `paddlewheel melting-reference` shifts the bundled model's T_m by PBE's labels of its liquid and crystal (docs/melting.md).
# With three liquid frames (liquid-x1-550K-expanded-1) and crystal frames from earlier samplers (md-x1-500K) the estimate
# did not converge: 866 K to first order, 491 K to second, the variance term resting on three frames. More frames of the
# model's liquid at its 0 GPa density at 550 K (16.4 A^3/atom, as liquid-x1-550K-expanded-1; at 525 K and 15.65 A^3/atom
# the 80-atom melt recrystallised within 6 ps, S(B) 0.61-0.87) and of its own crystal at 550 K (NPT at 0 GPa, 6 ps, then
# 3 frames 1 ps apart; a 2x2x2 cell started at 5.02 A, the bulk crystal's 12.65 A^3/atom at 525 K).
crystal_model_piece() { # piece temperature seed model a [ensemble: npt (0 GPa, default) | nvt (the cell kept at a)]
  local piece=$1 T=$2 seed=$3 ff=$4 a=$5 ens=${6:-npt}
  done_piece "$piece" && return 0
  local d="$WORK/liquid/${piece}" barostat=()
  [[ "$ens" == npt ]] && barostat=(--pressure 0GPa)
  if [[ ! -f "$d/md.done" ]]; then
    rm -rf "$d"; mkdir -p "$d"
    pw build antiperovskite --x 1 --supercell 2x2x2 --a "${a}Å" --seed "$seed" -o "$d/cell.extxyz" >/dev/null
    pw md -i "$d/cell.extxyz" --ff "$ff" --temperature "${T}K" --ensemble "$ens" "${barostat[@]}" --equilibrate 6ps --time 2ps \
       --every 1ps --seed "$seed" -o "$d/run" --quiet >/dev/null || { log "classical crystal MD $piece failed"; return 0; }
    log_run crystal "$piece" "$d/run/trajectory.extxyz"
    SAMPLER_FF="$ff" sampler_ref > "$d/sampler"
    touch "$d/md.done"
  fi
  label_piece "$piece" "$d" 0 "$d/run/trajectory.extxyz"
}
melt_reference_stage() {
  mkdir -p "$WORK/liquid" "$WORK/sp"
  local cell ff="$repo/forcefields/na-amide-borohydride-dft.json"; cell=$(x1_liquid_cell)
  liquid_volume_piece liquid-x1-550K-expanded-2 "$cell" 550 33 "$ff" 16.4
  crystal_model_piece crystal-x1-550K-1 550 34 "$ff" 5.02
  # session 32: a second crystal piece (seed) first, cheap with the SCF of the first; the third liquid piece's melt is now
  # strained about molecule centres (configs.py strain-molecules), as an affine strain broke a B-H bond of its melt
  crystal_model_piece crystal-x1-550K-2 550 36 "$ff" 5.02
  # session 32: is the hot crystal's overbinding (-7 meV/atom even in training, while ordered frames at the same 12.9
  # A^3/atom fit within +3) thermal disorder or volume? The same model's crystal at the 550 K crystal's cell (a = 5.04 A,
  # NVT) at 300 K: an error near zero says disorder, one near -7 says the volume
  crystal_model_piece crystal-x1-300K-a504-1 300 37 "$ff" 5.04 nvt
  # it came out +8.3 meV/atom (+11.6 at 550 K in that cell, ~+1 at 10.8-11.4 A^3/atom). The data hold no
  # ordered x = 1 frames between 11.4 and 12.8 A^3/atom, where the model's own 300 K crystal sits (a = 4.91 A): two cells there
  crystal_model_piece crystal-x1-300K-a495-1 300 38 "$ff" 4.95 nvt
  crystal_model_piece crystal-x1-300K-a485-1 300 39 "$ff" 4.85 nvt
  liquid_volume_piece liquid-x1-550K-expanded-3 "$cell" 550 35 "$ff" 16.4
  # the three 300 K cells came out +11.5 / +4.9 / +8.3 meV/atom (a = 4.85 / 4.95 / 5.04 A): no volume trend, a per-piece
  # offset. Is it the arrangement the build seed sets? Two more seeds in the cell of the largest offset
  crystal_model_piece crystal-x1-300K-a485-2 300 40 "$ff" 4.85 nvt
  crystal_model_piece crystal-x1-300K-a485-3 300 41 "$ff" 4.85 nvt
}
# ---- Does the vacancy arrangement set the model's offset, or the temperature? (session 33, 6 Dec 2026) ----
# The model's own 300 K crystals lie +4.6 to +11.5 meV/atom below PBE, per piece (build seed), not per cell; its 550 K
# crystals +11.6 (two seeds). The formal-charge Madelung energy of a piece's built cell (configs.py madelung; Na +1, BH4
# and NH2 -1) tracked the offsets of six pieces, and failed on the seventh (seed 41, -1622 meV/atom: +5.2, where +8 to
# +12 was predicted). Tests without thermal noise: cells relaxed at 0 K by the bundled model (positions; cell fixed), one
# PBE single point each. (1) a = 4.90 A, the model's a(300 K): six arrangements spanning the Madelung range of random
# seeds (-1522 to -1630 meV/atom; seeds 118 106 38 110 39 37). (2) a = 4.85 A: the three seeds of the 300 K pieces in
# that cell (39 40 41: +11.5 / +4.6 / +5.2), and seed 40 at 550 K in the same cell (NVT). An offset near zero at 0 K
# that grows with T says the model's thermal excursions are too cheap; one that stays with the seed at 0 K says the
# model prices that arrangement wrongly, which the Na hops and the vacancy model of the study rest on.
arrangement_piece() { # piece a seed...: each seed's x = 1 cell relaxed by the bundled model at lattice a, labelled
  local piece=$1 a=$2 ff="$repo/forcefields/na-amide-borohydride-dft.json"; shift 2
  done_piece "$piece" && return 0
  local d="$WORK/arrange/${piece#arrange-x1-}" s
  mkdir -p "$d" "$WORK/sp"
  if [[ ! -f "$d/relax.done" ]]; then
    : > "$d/relaxed.extxyz"
    for s in "$@"; do
      pw build antiperovskite --x 1 --supercell 2x2x2 --a "${a}Å" --seed "$s" -o "$d/cell-$s.extxyz" >/dev/null
      pw relax -i "$d/cell-$s.extxyz" --ff "$ff" --fmax 0.02 --max-steps 5000 -o "$d/relaxed-$s.extxyz" >/dev/null 2>&1 \
        || { log "arrangement: model relaxation of seed $s failed"; return 0; }
      cat "$d/relaxed-$s.extxyz" >> "$d/relaxed.extxyz"
      log "arrangement seed $s: Madelung (meV/atom) built $(cfg madelung "$d/cell-$s.extxyz" | cut -f2), relaxed $(cfg madelung "$d/relaxed-$s.extxyz" | cut -f2)"
    done
    SAMPLER_FF="$ff" sampler_ref > "$d/sampler"
    touch "$d/relax.done"
  fi
  label_piece "$piece" "$d" 0 "$d/relaxed.extxyz"
}
arrangement_stage() {
  arrangement_piece arrange-x1-a490-1 4.90 118 106 38 110 39 37
  arrangement_piece arrange-x1-a485-1 4.85 39 40 41
  mkdir -p "$WORK/liquid"
  crystal_model_piece crystal-x1-550K-a485-1 550 40 "$repo/forcefields/na-amide-borohydride-dft.json" 4.85 nvt
}
liquid_stage() {
  local a1 cell
  mkdir -p "$WORK/liquid" "$WORK/sp"
  a1=$(a_of x1 4.765)
  cell="$WORK/liquid/x1-cell.extxyz"
  pw build antiperovskite --x 1 --supercell 2x2x2 --a "$(python3 -c "print('%.4f'%($a1*1.03))")Å" --seed 11 -o "$cell" >/dev/null
  liquid_piece liquid-x1-400K-1 "$cell" 400 11 0
  glass_piece glass-x1-1 "$cell" 11 0
}

# The stages live in one function that bash parses whole before running it: bash reads a script
# as it goes, so an edit to this file while a long stage runs would otherwise be read mid-line
# when the stage returns. Stages run in the order $STAGES names them; "md1" runs the first MD
# round only (a first look at the training data before the barriers), "md" every round.
main() {
checkpoint_loop &
ckpid=$!   # global: the EXIT trap runs after main has returned, when a local would be gone (set -u: "unbound variable", and the checkpoint loop was left running)
trap 'kill $ckpid 2>/dev/null; checkpoint_now' EXIT
migrate_frames
local stage r
for stage in $STAGES; do
  case $stage in
    scan) scan_stage ;;
    relax-ap) relax_stage ;;
    relax-ref) relax_reference_stage ;;
    relax) relax_stage; relax_reference_stage ;;
    barrier) barrier_stage ;;
    nebprobe) nebprobe_stage ;;
    basin) basin_stage ;;
    basin-x1) basin_x1_stage ;;
    relabel) relabel_stage ;;
    liquid) liquid_stage ;;
    liquid-model) liquid_model_stage ;;
    melt-ref) melt_reference_stage ;;
    arrange) arrangement_stage ;;
    glassloop) glass_loop_stage ;;
    selflabel) selflabel_stage ;;
    md[1-5]) md_round "${stage#md}" ;;
    ref[1-5]) ref_round "${stage#ref}" ;;
    relax-na2o) relax_reference_stage na2o ;;
    scanfine) scan_fine_stage ;;
    kcheck) kcheck_stage ;;
    scannabh4) scan_nabh4_stage ;;
    scannabh4b) scan_nabh4_train_stage ;;
    warm-nabh4) warm_nabh4_stage ;;
    cutcheck-nabh4) cutcheck_nabh4_stage ;;
    md) for r in 1 2 3 4 5; do md_round "$r"; done ;;
    *) log "unknown stage $stage (melt-ref arrange relabel liquid liquid-model glassloop selflabel scan relax-ap relax-na2o scanfine kcheck scannabh4 relax-ref relax barrier nebprobe basin basin-x1 md1..md5 md ref2..ref5 warm-nabh4 cutcheck-nabh4)" ;;
  esac
done
log "generate.sh: stages '$STAGES' finished"
}
main "$@"; exit $?
