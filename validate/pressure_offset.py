#!/usr/bin/env python3
"""The model's pressure against PBE's on the thermal DFT frames, and what it says about a(300 K).

A model's a(300 K) can miss experiment for two reasons: PBE itself (no dispersion, the basis, the cut-off) puts the
crystal there, or the model departs from PBE. The thermal frames (`md-<compound>-<T>K`, PBE single points on MD
snapshots) separate the two: on each frame `dft compare --frames-csv` gives both pressures (the DFT one corrected to
the nominal cut-off, as the fit sees it). If the model's pressure lies dP above PBE's on the frames near 300 K, then to
first order (dP the same over the small volume range, the two ensembles alike) PBE at 0 GPa sits where the model sits at
+dP: `validate/force-field.sh` runs the model at 300 K and P = dP and reports that a as "PBE's implied a(300 K)".

  pressure_offset.py FRAMES_CSV --offset COMPOUND   mean dP (GPa) over md-COMPOUND-250K/-300K frames; prints nothing
                                                    when there are none
  pressure_offset.py FRAMES_CSV --report WORK       the markdown section (every md-* group; the implied a from the
                                                    runs WORK/pbe300_<compound>/thermo.csv)
Plain Python 3, no numpy.
"""
import csv, math, os, sys

NEAR_300K = ("250K", "300K")  # the thermal frames nearest the 300 K of the lattice targets
# compound -> (label, conventional cells in the validation's supercell, measured a(300 K) in Å, source)
MEASURED = {"x1": ("Na2(NH2)(BH4), x = 1", 27, 4.6950, "Somer 2010"),
            "nabh4": ("NaBH4", 8, 6.163, "Soldate 1947"),
            "na2o": ("Na2O", 8, 5.55, "Zintl et al. 1934; recalled, unverified")}


def offsets(path):
    """{config_type: [P_model − P_DFT, GPa]} over the md-* frames with a stress."""
    out = {}
    with open(path) as f:
        for r in csv.DictReader(f):
            if r["config_type"].startswith("md-") and r["dft_pressure_GPa"] and r["model_pressure_GPa"]:
                out.setdefault(r["config_type"], []).append(float(r["model_pressure_GPa"]) - float(r["dft_pressure_GPa"]))
    return out


def mean_se(v):
    m = sum(v) / len(v)
    se = math.sqrt(sum((x - m) ** 2 for x in v) / (len(v) - 1) / len(v)) if len(v) > 1 else float("nan")
    return m, se


def near_300k(groups, compound):
    v = [d for g, ds in groups.items() for d in ds if g.split("-")[1] == compound and g.split("-")[-1] in NEAR_300K]
    return v


def mean_a(run, cells):
    """Mean a (Å) of an MD run folder after the 3 ps equilibration (volume per conventional cell), or None."""
    p = os.path.join(run, "thermo.csv")
    if not os.path.exists(p):
        return None
    with open(p) as f:
        v = [float(r["volume_A3"]) for r in csv.DictReader(f) if float(r["time_ps"]) > 3.0]
    return (sum(v) / len(v) / cells) ** (1 / 3) if v else None


def report(path, work):
    groups = offsets(path)
    w = ["", "## 4b. The model's pressure against PBE's on the thermal frames", "",
         "P_model − P_DFT on the PBE-labelled MD snapshots (`dft compare --frames-csv`; DFT corrected to the nominal cut-off), "
         "mean ± standard error per group. Positive: the model pushes outward harder than PBE, so it swells more than PBE would. "
         "The last table runs the model at 300 K at P = dP (mean over the 250 and 300 K frames): to first order the a PBE itself "
         "would give at 0 GPa, so a(300 K) − experiment splits into PBE's part and the model's.", "",
         "| group | frames | P_model − P_DFT (GPa) |", "|---|---|---|"]
    for g in sorted(groups):
        m, se = mean_se(groups[g])
        w.append("| %s | %d | %+.3f ± %.3f |" % (g, len(groups[g]), m, se))
    w += ["", "| compound | dP near 300 K (GPa) | model a(300 K), 0 GPa (section 1) | PBE's implied a(300 K) = model at +dP (Å) | "
          "measured (Å) | PBE's part | the model's part |", "|---|---|---|---|---|---|---|"]
    a0 = {c: os.path.join(work, run) for c, run in (("x1", "npt300_x1"), ("nabh4", "nabh4_300"), ("na2o", "na2o_300"))}
    for c, (label, cells, meas, src) in MEASURED.items():
        v = near_300k(groups, c)
        if not v:
            w.append("| %s | no thermal frames | | | %.4f (%s) | | |" % (label, meas, src))
            continue
        m, se = mean_se(v)
        ai, am = mean_a(os.path.join(work, "pbe300_" + c), cells), mean_a(a0[c], cells)
        if ai is None or am is None:
            w.append("| %s | %+.3f ± %.3f (%d frames) | %s | run missing | %.4f (%s) | | |" % (label, m, se, len(v), "%.4f" % am if am else "n/a", meas, src))
            continue
        w.append("| %s | %+.3f ± %.3f (%d frames) | %.4f (%+.2f %%) | %.4f (%+.2f %%) | %.4f (%s) | %+.2f %% | %+.2f %% |" % (
            label, m, se, len(v), am, 100 * (am / meas - 1), ai, 100 * (ai / meas - 1), meas, src,
            100 * (ai / meas - 1), 100 * (am / ai - 1)))
    print("\n".join(w))


def main(argv):
    if len(argv) != 4 or argv[2] not in ("--offset", "--report"):
        sys.exit("usage: pressure_offset.py FRAMES_CSV --offset COMPOUND | --report WORK")
    if argv[2] == "--offset":
        v = near_300k(offsets(argv[1]), argv[3])
        if v:
            print("%.4f" % mean_se(v)[0])
    else:
        report(argv[1], argv[3])


if __name__ == "__main__":
    main(sys.argv)
