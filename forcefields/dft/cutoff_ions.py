#!/usr/bin/env python3
"""Cut-off convergence of the dataset's ions, one at a time: where the GPW cut-off error of the total energy lives.

  cutoff_ions.py run [WORKDIR]      # CP2K single points (resumable: finished ones are read back), one MPI rank
  cutoff_ions.py table [WORKDIR]    # the table and per-ion slopes dE/dE_cut (meV/Ry) at 800-1000 Ry
  cutoff_ions.py check [WORKDIR]    # the ions' sum against the 10-atom convergence cell's measured energies
  cutoff_ions.py tsv [WORKDIR]      # cutoff-ions.tsv for `fit-ff --cutoff-curves` (element = the ion's heavy atom)

Each ion of the dataset's compositions -- Na+, O2-, BH4-, NH2- -- sits alone in a cubic box (8 A, uniform
background for its charge) and is computed at the dataset's settings (PBE, DZVP-MOLOPT-SR-GTH, GTH-PBE with
Na's 9-electron semicore, REL_CUTOFF 60, XC smoothing SPLINE2_SMOOTH/NN10, OT) on grids whose effective
cut-offs run from 622 to 3582 Ry. The ions add up to every composition of the dataset (Na3-x O1-x (NH2)x (BH4) is (3-x) Na+ +
(1-x) O2- + x NH2- + BH4-), so if the cut-off error is local to each ion's core (the premise, checked
against the 10-atom convergence cell of README.md), a cell's energy error at its grid's effective cut-off
is the sum of its ions' errors, and its fixed-grid (Pulay) stress follows from the ions' slopes. The
effective cut-off of each run is (pi n / L)^2 Ry from the grid CP2K printed (GpwGrid).
"""
import math
import os
import subprocess
import sys

HA, BOHR = 27.211386245988, 0.529177210903
L = 8.0
# Grid points per box edge (5-smooth, as CP2K makes them): effective cut-offs 622-3582 Ry, dense at 700-1300 Ry where
# the dataset's cells lie (801-986 Ry). Each run asks for the lowest nominal cut-off that gives its grid.
GRIDS = [120, 128, 135, 144, 150, 160, 162, 180, 192, 216, 240, 270, 288]


def nominal(n):
    return math.ceil(((n - 1) // 2 * 2 * math.pi / (L / BOHR)) ** 2 * 1.0001)


NOMINAL = [nominal(n) for n in GRIDS]
# name: (charge, [(element, x, y, z)]) -- geometries near their places in the solids (B-H 1.23 A, N-H 1.03 A, 104 deg)
B_H, N_H, HNH = 1.23, 1.03, math.radians(104.0)
t = B_H / math.sqrt(3)
IONS = {
    "Na+": (1, [("Na", 0, 0, 0)]),
    "O2-": (-2, [("O", 0, 0, 0)]),
    "BH4-": (-1, [("B", 0, 0, 0), ("H", t, t, t), ("H", -t, -t, t), ("H", -t, t, -t), ("H", t, -t, -t)]),
    "NH2-": (-1, [("N", 0, 0, 0), ("H", N_H * math.sin(HNH / 2), 0, N_H * math.cos(HNH / 2)),
                  ("H", -N_H * math.sin(HNH / 2), 0, N_H * math.cos(HNH / 2))]),
}
POT = {"Na": "GTH-PBE-q9", "O": "GTH-PBE-q6", "B": "GTH-PBE-q3", "N": "GTH-PBE-q5", "H": "GTH-PBE-q1"}


def inp(name, cutoff):
    q, atoms = IONS[name]
    kinds = sorted({a[0] for a in atoms})
    c = L / 2
    coord = "\n".join("      %s %.6f %.6f %.6f" % (e, x + c, y + c, z + c) for e, x, y, z in atoms)
    kind = "\n".join("    &KIND %s\n      BASIS_SET DZVP-MOLOPT-SR-GTH\n      POTENTIAL %s\n    &END KIND" % (k, POT[k]) for k in kinds)
    return f"""&GLOBAL
  PROJECT ion
  RUN_TYPE ENERGY
  PRINT_LEVEL MEDIUM
&END GLOBAL
&FORCE_EVAL
  METHOD Quickstep
  &DFT
    BASIS_SET_FILE_NAME BASIS_MOLOPT
    POTENTIAL_FILE_NAME GTH_POTENTIALS
    CHARGE {q}
    &MGRID
      CUTOFF {cutoff}
      REL_CUTOFF 60
    &END MGRID
    &QS
      EPS_DEFAULT 1.0E-12
    &END QS
    &SCF
      SCF_GUESS ATOMIC
      EPS_SCF 1.0E-07
      MAX_SCF 40
      &OT
        MINIMIZER DIIS
        PRECONDITIONER FULL_SINGLE_INVERSE
      &END OT
      &OUTER_SCF
        EPS_SCF 1.0E-07
        MAX_SCF 10
      &END OUTER_SCF
    &END SCF
    &XC
      &XC_FUNCTIONAL PBE
      &END XC_FUNCTIONAL
      &XC_GRID
        XC_DERIV SPLINE2_SMOOTH
        XC_SMOOTH_RHO NN10
      &END XC_GRID
    &END XC
  &END DFT
  &SUBSYS
    &CELL
      ABC {L} {L} {L}
      PERIODIC XYZ
    &END CELL
    &COORD
{coord}
    &END COORD
{kind}
  &END SUBSYS
&END FORCE_EVAL
"""


def parse(out):
    energy, n, converged = None, None, True
    for line in open(out):
        if line.startswith(" ENERGY| Total FORCE_EVAL"):
            energy = float(line.split()[-1]) * HA
        if n is None and "PW_GRID|" in line and "Bounds" in line and "Points:" in line:
            n = int(line.split()[-1])
        if "SCF run NOT converged" in line:
            converged = False
    return energy, n, converged


def effective(n):
    g = math.pi * n / (L / BOHR)
    return g * g


def run(work):
    # every ion up to 192 points (1592 Ry: the dataset's 801-986 Ry and most of the convergence cell's range) first,
    # the anions before O2- (BH4- and NH2- carry the x-dependence of the dataset's cells);
    names = ["Na+", "BH4-", "NH2-", "O2-"]
    # then 216 points for every ion (2015 Ry: beyond the convergence cell's 1802 Ry reference), then the finest
    passes = (lambda n: n <= 192, lambda n: n == 216, lambda n: n > 216)
    order = [(name, e) for keep in passes for name in names for n, e in zip(GRIDS, NOMINAL) if keep(n)]
    for name, e in order:
        d = os.path.join(work, "%s-%d" % (name.replace("+", "p").replace("-", "m"), e))
        out = os.path.join(d, "ion.out")
        if os.path.exists(out) and parse(out)[0] is not None:
            continue
        os.makedirs(d, exist_ok=True)
        open(os.path.join(d, "ion.inp"), "w").write(inp(name, e))
        env = dict(os.environ, OMP_NUM_THREADS="1")
        print("cutoff_ions: %s at %d Ry" % (name, e), file=sys.stderr, flush=True)
        with open(out + ".tmp", "w") as f:
            subprocess.run(["cp2k.psmp", "-i", "ion.inp"], cwd=d, stdout=f, stderr=subprocess.STDOUT, env=env, check=False)
        os.replace(out + ".tmp", out)


def rows(work):
    res = {}
    for name in IONS:
        pts = []
        for e in NOMINAL:
            out = os.path.join(work, "%s-%d" % (name.replace("+", "p").replace("-", "m"), e), "ion.out")
            if not os.path.exists(out):
                continue
            en, n, ok = parse(out)
            if en is not None and n is not None and ok:
                pts.append((e, n, effective(n), en))
        res[name] = sorted(set(pts), key=lambda p: p[2])
    return res


def table(work):
    res = rows(work)
    print("| ion | nominal (Ry) | grid | effective (Ry) | E - E(highest) (meV) | slope to next (meV/Ry) |")
    print("|---|---|---|---|---|---|")
    for name, pts in res.items():
        if not pts:
            continue
        top = pts[-1][3]
        for i, (e, n, eff, en) in enumerate(pts):
            slope = ""
            if i + 1 < len(pts) and pts[i + 1][2] > eff:
                slope = "%+.3f" % ((pts[i + 1][3] - en) * 1000 / (pts[i + 1][2] - eff))
            print("| %s | %d | %d | %.0f | %+.1f | %s |" % (name, e, n, eff, (en - top) * 1000, slope))


ELEMENT = {"Na+": "Na", "O2-": "O", "BH4-": "B", "NH2-": "N"}


def tsv(work):
    """The curves as fit-ff --cutoff-curves reads them: a B or N atom carries its whole molecular ion."""
    print("ion\telement\tgrid_points\teffective_Ry\tenergy_eV")
    for name, pts in rows(work).items():
        for e, n, eff, en in pts:
            print("%s\t%s\t%d\t%.3f\t%.6f" % (name, ELEMENT[name], n, eff, en))


def grid_points(length_a, cutoff):
    """CP2K's points along a cell vector (GpwGrid.points)."""
    x = math.sqrt(cutoff) * (length_a / BOHR) / (2 * math.pi)
    n = 2 * int(math.floor(x)) + 1
    while not smooth(n):
        n += 1
    return n


def smooth(n):
    for p in (2, 3, 5):
        while n % p == 0:
            n //= p
    return n == 1


def cell_effective(lengths, cutoff):
    """Mean effective cut-off (Ry) of a cell with these vector lengths (A) at a nominal cut-off (GpwGrid)."""
    return sum((math.pi * grid_points(a, cutoff) / (a / BOHR)) ** 2 for a in lengths) / 3


def energy_at(pts, eff):
    """An ion's energy (eV) at an effective cut-off, linear between the measured grids (NaN outside them)."""
    for (e0, _, x0, y0), (e1, _, x1, y1) in zip(pts, pts[1:]):
        if x0 <= eff <= x1:
            return y0 + (y1 - y0) * (eff - x0) / (x1 - x0)
    return float("nan")


# The 10-atom convergence cell (README.md, Force convergence): x = 1, a = 4.70 A, 2 Na+ + BH4- + NH2-;
# its measured energies at 600/800/1200 Ry nominal relative to 1600 Ry, meV/atom.
CONVERGENCE_CELL = {"lengths": (4.70, 4.70, 4.70), "ions": {"Na+": 2, "BH4-": 1, "NH2-": 1}, "atoms": 10,
                    "measured": {600: 184.78, 800: 133.53, 1200: 49.44}}


def check(work):
    res = rows(work)
    c = CONVERGENCE_CELL
    ref = cell_effective(c["lengths"], 1600)
    print("| nominal (Ry) | effective (Ry) | measured E - E(1600) (meV/atom) | sum of ions (meV/atom) | of which Na+ |")
    print("|---|---|---|---|---|")
    for nom, meas in c["measured"].items():
        eff = cell_effective(c["lengths"], nom)
        tot = na = 0.0
        for ion, k in c["ions"].items():
            d = k * (energy_at(res[ion], eff) - energy_at(res[ion], ref)) * 1000 / c["atoms"]
            tot += d
            if ion == "Na+":
                na = d
        print("| %d | %.0f (1600: %.0f) | %+.2f | %+.2f | %+.2f |" % (nom, eff, ref, meas, tot, na))


if __name__ == "__main__":
    what = sys.argv[1] if len(sys.argv) > 1 else "table"
    work = sys.argv[2] if len(sys.argv) > 2 else "/work/dft-work/cutoff-ions"
    {"run": run, "table": table, "check": check, "tsv": tsv}[what](work)
