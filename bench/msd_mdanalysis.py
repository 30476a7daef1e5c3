"""Na MSD and D with MDAnalysis EinsteinMSD (no FFT: tidynamics is not packaged) on a DCD.
The DCD must hold unwrapped coordinates (bench/to_dcd.py writes them): EinsteinMSD does not unwrap.
Same fit as bench/msd_numpy.py: lags 10 %-50 % of the run, D = slope/6, t from TIMESTEP_FS.
Usage: python3 msd_mdanalysis.py TOPOLOGY.pdb TRAJ.dcd TIMESTEP_FS"""
import sys
import numpy as np
import MDAnalysis as mda
from MDAnalysis.analysis.msd import EinsteinMSD

u = mda.Universe(sys.argv[1], sys.argv[2], dt=float(sys.argv[3]) / 1000.0)
m = EinsteinMSD(u, select="name Na", msd_type="xyz", fft=False)  # no unwrap option: it would be silently ignored
m.run()
msd = m.results.timeseries
n = len(msd)
t = np.arange(n) * float(sys.argv[3])
lo, hi = n // 10, n // 2
print(f"mdanalysis: D(Na) = {np.polyfit(t[lo:hi], msd[lo:hi], 1)[0] / 6 * 0.1:.4e} cm2/s")
