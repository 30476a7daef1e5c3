#!/usr/bin/env python3
"""Mean lattice parameter of an NPT run and its standard error, from a paddlewheel thermo.csv. Plain Python 3.

a = (V / cells)^(1/3) per row after the equilibration. The rows are correlated (the barostat's and the cell's own
fluctuations last ~2 ps at 300 K), so the standard error is sd * sqrt(2 tau_int / dt / n), with the integrated
autocorrelation time tau_int summed by Sokal's automatic window (M >= 5 tau_int; A. Sokal, "Monte Carlo Methods in
Statistical Mechanics", 1997, sec. 3). Prints "mean_A se_A ok" where ok is yes/no for |mean/reference - 1| <= max; with
--atoms N also the potential-energy drift, mean E_pot of the production's second half minus its first, in meV/atom.
A crystal at equilibrium has none beyond noise (x = 1 at 300 K, 270 atoms, stable runs of 20-100 ps and 40 ps windows:
-2.5 to +1.1 meV/atom); a cell that melts or transforms releases its heat there (-5.3 to -13.7 meV/atom in the four
such runs of session 18, forcefields/README.md, "Seen in session 18").
"""
import argparse, csv, math, sys


def lattice_series(path, equilibration_ps, cells):
    rows = list(csv.DictReader(open(path)))
    if not rows or "volume_A3" not in rows[0]:
        sys.exit("%s: line 1: expected a thermo.csv header with time_ps and volume_A3" % path)
    return [(float(r["volume_A3"]) / cells) ** (1 / 3) for r in rows if float(r["time_ps"]) >= equilibration_ps]


def energy_drift(path, equilibration_ps, atoms):
    """Mean E_pot of the second half of the production minus the first, eV per atom."""
    e = [float(r["Epot_eV"]) for r in csv.DictReader(open(path)) if float(r["time_ps"]) >= equilibration_ps]
    h = len(e) // 2
    if h < 2:
        raise ValueError("need at least 4 rows after equilibration, got %d" % len(e))
    return (sum(e[h:]) / len(e[h:]) - sum(e[:h]) / h) / atoms


def mean_and_error(x):
    """Mean, standard error and tau_int (in rows) of a correlated series."""
    n = len(x)
    if n < 4:
        raise ValueError("need at least 4 rows after equilibration, got %d" % n)
    m = sum(x) / n
    d = [v - m for v in x]
    c0 = sum(v * v for v in d) / n
    if c0 == 0:
        return m, 0.0, 0.5
    tau = 0.5
    for lag in range(1, n // 2):
        tau += sum(d[i] * d[i + lag] for i in range(n - lag)) / (n * c0)
        if lag >= 5 * tau:
            break
    return m, math.sqrt(c0 * 2 * tau / n), tau


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("thermo")
    ap.add_argument("--equilibration-ps", type=float, default=0.0)
    ap.add_argument("--cells", type=int, default=1, help="unit cells in the supercell")
    ap.add_argument("--reference-A", type=float, required=True)
    ap.add_argument("--max-deviation", type=float, required=True, help="relative, e.g. 0.08")
    ap.add_argument("--atoms", type=int, help="atoms in the cell: also print the E_pot drift in meV/atom")
    a = ap.parse_args()
    m, se, _ = mean_and_error(lattice_series(a.thermo, a.equilibration_ps, a.cells))
    out = "%.4f %.4f %s" % (m, se, "yes" if abs(m / a.reference_A - 1) <= a.max_deviation else "no")
    if a.atoms:
        out += " %.2f" % (1000 * energy_drift(a.thermo, a.equilibration_ps, a.atoms))
    print(out)
