"""Converts the XDATCAR to PDB topology + DCD with ASE and MDAnalysis (not timed)."""
import sys
import MDAnalysis as mda
from ase.io import read

traj = read(sys.argv[1], index=":", format="vasp-xdatcar")
traj[0].write(sys.argv[2])
u = mda.Universe(sys.argv[2])
with mda.Writer(sys.argv[3], u.atoms.n_atoms) as w:
    for t in traj:
        u.atoms.positions = t.get_positions()
        u.dimensions = list(t.cell.cellpar())
        w.write(u.atoms)
