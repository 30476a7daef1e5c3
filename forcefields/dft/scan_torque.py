#!/usr/bin/env python3
"""Is a rigid-rotation scan's energy profile the work of its own torques? And a model's, beside it.

For a scan that turns one molecule rigidly about its centre atom (scan-rot-*, scan-fine-rot-*): each frame's rotation
(angle, axis) from the frame-0 bond vectors (Kabsch), the torque of the rotating atoms' forces about the centre along
the final axis, and the trapezoid integral W(theta) = -sum (tau_k + tau_k-1)/2 dtheta, beside E(theta) - E(0). PBE's
forces are derivatives of the GPW energy, so W and E agree up to the trapezoid error, which the model's own profile
(exactly consistent) measures. Cells thinner than twice a molecule are doubled along c for `paddlewheel energy`.

  forcefields/dft/scan_torque.py forcefields/dft/scan-fine-rot-nh2-x1.extxyz [--ff MODEL]
"""
import argparse, csv, json, os, re, subprocess, sys, tempfile
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def frames(path):
    lines = open(path).read().splitlines(); i = 0
    while i < len(lines):
        n = int(lines[i]); head = lines[i + 1]
        lat = np.array([float(x) for x in re.search(r'Lattice="([^"]+)"', head).group(1).split()]).reshape(3, 3)
        rows = [l.split() for l in lines[i + 2:i + 2 + n]]
        sp = [r[0] for r in rows]
        x = np.array([[float(v) for v in r[1:4]] for r in rows]); f = np.array([[float(v) for v in r[4:7]] for r in rows])
        yield dict(lat=lat, sp=sp, x=x, f=f, e=float(re.search(r'(?:^| )energy=([-0-9.eE+]+)', head).group(1)))
        i += n + 2


def rotation(a, b):
    """Rotation taking the vectors a (rows) to b, with their cross product as a third pair (Kabsch)."""
    a = np.vstack([a, np.cross(a[0], a[1])]); b = np.vstack([b, np.cross(b[0], b[1])])
    u, _, vt = np.linalg.svd(b.T @ a); d = np.sign(np.linalg.det(u @ vt))
    r = u @ np.diag([1, 1, d]) @ vt
    ang = np.arccos(np.clip((np.trace(r) - 1) / 2, -1, 1))
    axis = np.array([r[2, 1] - r[1, 2], r[0, 2] - r[2, 0], r[1, 0] - r[0, 1]]) / (2 * np.sin(ang)) if ang > 1e-8 else None
    return ang, axis


def model_profile(fr, ff):
    """Energies and forces of the model, the cell doubled along c (per original cell)."""
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for k, f in enumerate(fr):
            c = f["lat"][2]; n = len(f["sp"])
            lat2 = np.vstack([f["lat"][:2], 2 * c])
            p = os.path.join(tmp, "d%d.extxyz" % k)
            with open(p, "w") as o:
                o.write("%d\nLattice=\"%s\" Properties=species:S:1:pos:R:3 pbc=\"T T T\"\n" % (2 * n, " ".join("%.10f" % v for v in lat2.ravel())))
                for m in (0, 1):
                    for s, x in zip(f["sp"], f["x"]):
                        o.write("%s %.10f %.10f %.10f\n" % ((s,) + tuple(x + m * c)))
            fc = os.path.join(tmp, "f%d.csv" % k)
            res = subprocess.run([os.path.join(HERE, "..", "..", "paddlewheel"), "energy", "-i", p, "--ff", ff, "--forces", fc, "--json"],
                                 capture_output=True, text=True, check=True)
            e = json.loads(res.stdout)["total_eV"] / 2
            forces = np.array([[float(r["fx_eV_per_A"]), float(r["fy_eV_per_A"]), float(r["fz_eV_per_A"])] for r in csv.DictReader(open(fc))])[:n]
            out.append((e, forces))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("scan"); ap.add_argument("--ff")
    a = ap.parse_args()
    fr = list(frames(a.scan))
    x0 = fr[0]["x"]
    moved = [i for i in range(len(x0)) if max(np.linalg.norm(f["x"][i] - x0[i]) for f in fr) > 0.05]
    heavy = [i for i, s in enumerate(fr[0]["sp"]) if not s.startswith("H")]
    centre = min(heavy, key=lambda i: np.linalg.norm(x0[moved] - x0[i], axis=1).max())
    if len(moved) < 2:
        sys.exit("%s: line 1: expected a rigid rotation (two or more atoms moving about a centre), found %d moving" % (a.scan, len(moved)))
    vec = lambda f: np.array([f["x"][j] - f["x"][centre] for j in moved[:2]])
    rots = [rotation(vec(fr[0]), vec(f)) for f in fr]
    axis = rots[-1][1]; theta = np.array([r[0] for r in rots])

    def work(forces):
        tq = np.array([sum(np.dot(np.cross(f["x"][j] - f["x"][centre], fk[j]), axis) for j in moved) for f, fk in zip(fr, forces)])
        w = np.concatenate([[0], np.cumsum(-0.5 * (tq[1:] + tq[:-1]) * np.diff(theta))])
        return tq, w

    print("scan %s: %d frames, centre atom %d (%s), rotating atoms %s, axis %s" % (os.path.basename(a.scan), len(fr), centre + 1,
          fr[0]["sp"][centre], [j + 1 for j in moved], np.round(axis, 3)))
    print("theta_deg " + " ".join("%8.2f" % v for v in np.degrees(theta)))
    e = np.array([f["e"] for f in fr]); tq, w = work([f["f"] for f in fr])
    print("PBE   E-E0_eV %s  torque_eV %s  trapezoid_work_eV %s" % tuple(" ".join("%+.3f" % v for v in arr) for arr in (e - e[0], tq, w)))
    if a.ff:
        prof = model_profile(fr, a.ff); em = np.array([p[0] for p in prof]); tqm, wm = work([p[1] for p in prof])
        print("model E-E0_eV %s  torque_eV %s  trapezoid_work_eV %s" % tuple(" ".join("%+.3f" % v for v in arr) for arr in (em - em[0], tqm, wm)))
        k = np.abs(tq) > 0.1
        print("model/PBE torque ratio where |PBE torque| > 0.1 eV/rad: %s" % " ".join("%.2f" % v for v in tqm[k] / tq[k]))


if __name__ == "__main__":
    main()
