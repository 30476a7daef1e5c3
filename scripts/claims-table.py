#!/usr/bin/env python3
"""Print a study's summary.json as Markdown tables (claims, conditions, activation energies).

Usage: scripts/claims-table.py STUDY_DIR/summary.json
Used to write docs/study-results.md from a finished study; numbers are copied, not recomputed.
"""
import json
import sys


def pm(e, digits=3):
    if not e or e.get("value") is None:
        return "—"
    s = e.get("sigma")
    return f"{e['value']:.{digits}g} ± {s:.2g}" if s is not None else f"{e['value']:.{digits}g} ± ?"


def d(c, key):
    """D or σ, or "≤ value (no hop)" when no run of the condition detected a Na hop (MSD-slope floor)."""
    e = c[key]
    if c.get("D_Na_is_upper_bound") and e and e.get("value") is not None:
        return f"≤ {e['value']:.3g} (no hop)"
    return pm(e)


def tau(c, kind):
    e = c["tau_ps"].get(kind)
    if e is None:
        return "—"
    return f"≥ {e['value']:.3g}" if c.get("tau_is_lower_bound", {}).get(kind) else pm(e)


def coupling(c, kind):
    k = c["coupling"].get(kind)
    if not k:
        return "—"
    if k["hops"] < 5:
        return f"n/a ({k['hops']} hops)"
    return f"{k['z']:.2f} ({k['hops']} hops)"


def main(path):
    s = json.load(open(path))
    print("| claim | verdict | key numbers |")
    print("|---|---|---|")
    for cl in s["claims"]:
        nums = "; ".join(json.dumps(e, separators=(",", ":")) for e in cl["evidence"])
        nums = nums.replace("|", "\\|")
        print(f"| {cl['statement']} | **{cl['verdict'].replace('_', ' ')}** | `{nums}` |")
    print()
    print("| x | T (K) | frozen | D_Na (cm²/s) | σ_NE (S/cm) | τ_BH4 (ps) | τ_NH2 (ps) | hops (per Na per ps) | coupling z NH2 | coupling z BH4 |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for c in s["conditions"]:
        rate = c.get("hop_rate_per_ps")
        print(f"| {c['x']:g} | {c['T_K']:.0f} | {c['frozen']} | {d(c, 'D_Na_cm2_per_s')} | {d(c, 'sigma_NE_S_per_cm')} | "
              f"{tau(c, 'BH4')} | {tau(c, 'NH2')} | {c['hops']}" + (f" ({rate:.2g})" if rate is not None else "") +
              f" | {coupling(c, 'NH2')} | {coupling(c, 'BH4')} |")
    print()
    print("| x | T used (K) | Ea from D (eV) | Ea from σT (eV) | paper, experiment (eV) | not fitted: no hop (K) |")
    print("|---|---|---|---|---|---|")
    for a in s["arrhenius"]:
        ts = ", ".join(f"{t:.0f}" for t in a["T_K"])
        nh = ", ".join(f"{t:.0f}" for t in a.get("T_K_not_fitted_no_hop", [])) or "—"
        print(f"| {a['x']:g} | {ts} | {pm(a['Ea_D_eV'])} | {pm(a['Ea_sigma_eV'])} | {a['paper_experimental_Ea_eV']} | {nh} |")


if __name__ == "__main__":
    main(sys.argv[1])
