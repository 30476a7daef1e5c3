#!/usr/bin/env python3
"""Pooled errors of `dft compare` reports over config_type globs, side by side.

    scripts/dft-compare-groups.py A/dft-compare.json B/dft-compare.json [--glob 'md-*' --glob 'opt-*' ...]

For each glob and report: configurations, relative-energy RMSE (meV/atom, pooled over configurations) and force RMSE
(eV/Å, pooled over force components) of the config_types it matches. The validation of a fit pools every group;
this shows where two models differ (e.g. thermal MD frames against relaxation paths, forcefields/README.md).
"""
import argparse, fnmatch, json, math

ap = argparse.ArgumentParser()
ap.add_argument("reports", nargs="+")
ap.add_argument("--glob", action="append", default=None)
a = ap.parse_args()
globs = a.glob or ["md-*", "opt-*", "self-*", "scan-*", "glass-*", "liquid-*", "*"]
data = [json.load(open(p))["config_types"] for p in a.reports]
print("| group | " + " | ".join(f"{p}: n, rel E meV/atom, F eV/Å" for p in a.reports) + " |")
print("|---|" + "---|" * len(a.reports))
for g in globs:
    cells = []
    for ct in data:
        n = fc = 0
        se = sf = 0.0
        for k, v in ct.items():
            if not fnmatch.fnmatch(k, g):
                continue
            n += v["configs"]
            se += v["configs"] * v.get("relative_energy_rmse_eV_per_atom", 0.0) ** 2
            fc += v["force_components"]
            sf += v["force_components"] * v["force_rmse_eV_per_A"] ** 2
        cells.append(f"{n}, {1e3 * math.sqrt(se / n):.2f}, {math.sqrt(sf / fc):.4f}" if n else "—")
    print(f"| `{g}` | " + " | ".join(cells) + " |")
