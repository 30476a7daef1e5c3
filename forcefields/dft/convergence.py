#!/usr/bin/env python3
"""Force convergence table from CP2K outputs of one structure at several settings.

  convergence.py REFERENCE.out OTHER.out ...   (each the output of an ENERGY_FORCE run)

Prints, for each OTHER, the RMS force difference to REFERENCE overall and per element (eV/Å),
the largest single component difference, the net force |ΣF| and the energy difference (meV/atom);
then, where the outputs carry CP2K's analytical stress tensor, the pressure P = tr(σ)/3 (GPa, CP2K's
sign: positive = the cell pushes outwards), its difference to REFERENCE and the largest difference of
the traceless (deviatoric) part.
"""
import math
import sys

HA, BOHR = 27.211386245988, 0.529177210903


def parse(path):
    lines = open(path).read().split("\n")
    energy, forces, stress = None, [], None
    for i, l in enumerate(lines):
        if l.startswith(" STRESS| Analytical stress tensor [GPa]"):
            stress = [[float(x) for x in lines[i + 2 + r].split()[2:5]] for r in range(3)]
        if l.startswith(" ENERGY| Total FORCE_EVAL"):
            energy = float(l.split()[-1]) * HA
        if l.startswith(" ATOMIC FORCES in [a.u.]"):
            forces = []
            j = i + 3
            while not lines[j].startswith(" SUM OF ATOMIC FORCES"):
                t = lines[j].split()
                forces.append((t[2], [float(x) * HA / BOHR for x in t[3:6]]))
                j += 1
    return energy, forces, stress


ref_e, ref_f, ref_s = parse(sys.argv[1])
n = len(ref_f)
print("| settings | ΔE (meV/atom) | force RMSE (eV/Å) | per element | max |ΔF| | net |ΣF| (eV/Å) |")
print("|---|---|---|---|---|---|")
for path in sys.argv[2:]:
    e, f, _ = parse(path)
    d2, per, mx = 0.0, {}, 0.0
    net = [0.0, 0.0, 0.0]
    for (el, a), (_, b) in zip(f, ref_f):
        dd = sum((a[k] - b[k]) ** 2 for k in range(3))
        d2 += dd
        per.setdefault(el, []).append(dd)
        mx = max(mx, max(abs(a[k] - b[k]) for k in range(3)))
        for k in range(3):
            net[k] += a[k]
    rmse = math.sqrt(d2 / (3 * n))
    pe = ", ".join("%s %.3f" % (el, math.sqrt(sum(v) / (3 * len(v)))) for el, v in sorted(per.items()))
    print("| %s | %+.2f | %.3f | %s | %.3f | %.3f |" % (path.rsplit("/", 1)[-1].replace(".out", ""), (e - ref_e) / n * 1000, rmse, pe, mx,
                                                      math.sqrt(sum(x * x for x in net))))


def pressure(s):
    return (s[0][0] + s[1][1] + s[2][2]) / 3


if ref_s is not None:
    print()
    print("| settings | P (GPa) | P − P_ref (GPa) | max |Δ deviatoric| (GPa) |")
    print("|---|---|---|---|")
    for path in sys.argv[1:]:
        _, _, st = parse(path)
        if st is None:
            continue
        p, pr = pressure(st), pressure(ref_s)
        dev = max(abs((st[a][b] - (p if a == b else 0)) - (ref_s[a][b] - (pr if a == b else 0))) for a in range(3) for b in range(3))
        print("| %s | %.3f | %+.3f | %.3f |" % (path.rsplit("/", 1)[-1].replace(".out", ""), p, p - pr, dev))
