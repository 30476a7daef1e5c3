"""Na MSD and D by a vectorised FFT MSD (numpy), reading the XDATCAR with pymatgen or ASE.
Usage: python3 msd_numpy.py {pymatgen|ase} XDATCAR TIMESTEP_FS"""
import sys
import numpy as np

route, path, dt = sys.argv[1], sys.argv[2], float(sys.argv[3])
if route == "pymatgen":
    from pymatgen.io.vasp.outputs import Xdatcar
    x = Xdatcar(path)
    frac = np.array([s.frac_coords for s in x.structures])
    lat = x.structures[0].lattice.matrix
    na = np.array([str(sp) == "Na" for sp in x.structures[0].species])
else:
    from ase.io import read
    traj = read(path, index=":", format="vasp-xdatcar")
    frac = np.array([t.get_scaled_positions(wrap=False) for t in traj])
    lat = np.array(traj[0].cell)
    na = np.array(traj[0].get_chemical_symbols()) == "Na"
frac = frac[:, na, :]
d = np.diff(frac, axis=0)
d -= np.round(d)
pos = np.concatenate([frac[:1], frac[:1] + np.cumsum(d, axis=0)]) @ lat  # unwrapped, Å
n = pos.shape[0]

def msd_fft(r):  # r: (n, atoms, 3); nMoldyn algorithm, averaged over atoms
    r = r - r.mean(axis=0)
    f = np.fft.rfft(r, n=2 * n, axis=0)
    s2 = np.fft.irfft(f * f.conj(), axis=0)[:n].sum(axis=2) / (n - np.arange(n))[:, None]
    d2 = (r ** 2).sum(axis=2)
    q = 2 * d2.sum(axis=0)
    s1 = np.zeros_like(s2)
    for m in range(n):
        q = q - (d2[m - 1] if m > 0 else 0) - (d2[n - m] if m > 0 else 0)
        s1[m] = q / (n - m)
    return (s1 - 2 * s2).mean(axis=1)

msd = msd_fft(pos)
t = np.arange(n) * dt
lo, hi = n // 10, n // 2
D = np.polyfit(t[lo:hi], msd[lo:hi], 1)[0] / 6 * 0.1  # Å²/fs → cm²/s
print(f"{route}: D(Na) = {D:.4e} cm2/s")
