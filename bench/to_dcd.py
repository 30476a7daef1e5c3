"""Converts the XDATCAR to PDB topology + DCD with ASE and MDAnalysis (not timed).

The DCD holds *unwrapped* coordinates: MDAnalysis' EinsteinMSD uses the positions as stored
(it does not unwrap; it expects an unwrapped trajectory), while an XDATCAR stores every frame
wrapped into the cell. Left wrapped, each boundary crossing becomes a jump of one box length and
the MSD saturates near L²/2 (96 Å² for L = 13.8 Å): with the same numpy MSD and fit, wrapped
positions give D = 7.16e-5 cm²/s on the 20,000-frame file against 7.54e-4 unwrapped (10.5x low),
and 1.37e-3 against 5.88e-4 on the 2,000-frame one (too high: crossings dominate a short run). Unwrapping is the scheme of the numpy routes (bench/msd_numpy.py) and of
paddlewheel: consecutive fractional displacements taken to the minimum image, accumulated, and
mapped to Cartesian with each frame's cell.
Usage: python3 to_dcd.py XDATCAR TOPOLOGY.pdb TRAJ.dcd"""
import sys
import numpy as np
import MDAnalysis as mda
from ase.io import read

traj = read(sys.argv[1], index=":", format="vasp-xdatcar")
traj[0].write(sys.argv[2])
u = mda.Universe(sys.argv[2])
frac_u = None
with mda.Writer(sys.argv[3], u.atoms.n_atoms) as w:
    for t in traj:
        frac = t.get_scaled_positions(wrap=False)
        if frac_u is None:
            frac_u = frac.copy()
        else:
            d = frac - prev
            frac_u += d - np.round(d)
        prev = frac
        u.atoms.positions = frac_u @ np.array(t.cell)
        u.dimensions = list(t.cell.cellpar())
        w.write(u.atoms)
