"""Is the model's electrostatics what turns its anions wrongly?  Usage (from the repository root):

    python3 validate/electrostatic_torque.py MODEL.json forcefields/dft/self-x1-*.extxyz ...

For every NH2 and BH4 of the frames (ligands: the 2 or 4 nearest H, minimum image) the torque about the centre atom,
sum (r_H - r_centre) x F_H, from the DFT forces, from the model, and the model's electrostatic share (the model minus the
same model with every charge zero; `paddlewheel energy --forces`). The residual (DFT - model) is regressed on that share:
a slope b says the fit would improve by scaling the electrostatic torque by (1 + b), and the residual RMS after it says
how much of the torque error any such scale (a different intramolecular charge split, a charge scale) could remove.
Cells thinner than 6.8 A (twice a molecule's extent) are doubled along that axis for the model, as `dft compare` widens
them. Needs numpy; writes scratch files to a temporary folder. Session 34 (6 Dec 2026), forcefields/README.md.
"""
import json, subprocess, sys, os, tempfile, numpy as np
pw = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'paddlewheel')
if len(sys.argv) < 3:
    sys.exit('usage: electrostatic_torque.py MODEL.json FRAMES.extxyz...')
model = sys.argv[1]; files = sys.argv[2:]
work = tempfile.mkdtemp(prefix='es-torque-')
m = json.load(open(model))
for sp in m['species']: sp['charge'] = 0.0
noq = os.path.join(work, 'noq.json'); json.dump(m, open(noq, 'w'))
def frames(path):
    L = open(path).read().splitlines(); i = 0
    while i < len(L):
        n = int(L[i]); hdr = L[i+1]; body = L[i+2:i+2+n]; i += 2 + n
        yield n, hdr, body
def forces(ff, xyz):
    out = os.path.join(work, 'f.csv')
    subprocess.run([pw, 'energy', '--ff', ff, '-i', xyz, '--forces', out, '--json'], check=True, capture_output=True)
    return np.loadtxt(out, delimiter=',', skiprows=1, usecols=(2, 3, 4))
def lattice(hdr):
    s = hdr.split('Lattice="')[1].split('"')[0]; return np.array([float(v) for v in s.split()]).reshape(3, 3)
res = {'NH2': [], 'BH4': []}
for f in files:
    for k, (n, hdr, body) in enumerate(frames(f)):
        el = [b.split()[0] for b in body]; a = np.array([[float(v) for v in b.split()[1:7]] for b in body])
        r, fd = a[:, :3], a[:, 3:6]
        cell = lattice(hdr); inv = np.linalg.inv(cell)
        # thin cells (a width below 6.8 A, twice the molecule extent) doubled along that axis for the model, as dft compare widens them
        big = cell.copy(); rr = r.copy(); ee = list(el)
        for ax in range(3):
            if np.linalg.norm(big[ax]) < 6.8:
                rr = np.vstack([rr, rr + big[ax]]); ee = ee + ee; big[ax] = 2 * big[ax]
        xyz = os.path.join(work, 'frame.extxyz')
        lat = ' '.join('%.10f' % v for v in big.ravel())
        open(xyz, 'w').write('%d\nLattice="%s" Properties=species:S:1:pos:R:3 pbc="T T T"\n%s\n' % (len(ee), lat, '\n'.join('%s %.10f %.10f %.10f' % (e, *x) for e, x in zip(ee, rr))))
        fm = forces(model, xyz)[:n]; fq = forces(noq, xyz)[:n]
        def mic(d):
            s = d @ inv; s -= np.round(s); return s @ cell
        H = [i for i, e in enumerate(el) if e == 'H']
        for c, kind in [(i, 'NH2') for i, e in enumerate(el) if e == 'N'] + [(i, 'BH4') for i, e in enumerate(el) if e == 'B']:
            d = np.array([mic(r[h] - r[c]) for h in H]); dist = np.linalg.norm(d, axis=1)
            lig = [j for j in np.argsort(dist)[: (2 if kind == 'NH2' else 4)]]
            t = lambda F: sum(np.cross(d[j], F[H[j]]) for j in lig)
            res[kind].append((t(fd), t(fm), t(fm) - t(fq)))
for kind, v in res.items():
    if not v: continue
    v = np.array(v).reshape(-1, 3, 3)  # [mol, (dft, model, es), xyz]
    D, M, E = v[:, 0].ravel(), v[:, 1].ravel(), v[:, 2].ravel()
    R = D - M
    b = (R @ E) / (E @ E)
    # best scale of the electrostatic torque: model' = model + b*E
    print('%s: %d components; DFT rms %.3f, model rms %.3f, residual rms %.3f, electrostatic rms %.3f eV; residual on electrostatic slope %.3f (corr %.2f); residual after rescaling es by (1%+.2f): %.3f'
          % (kind, len(D), np.sqrt((D**2).mean()), np.sqrt((M**2).mean()), np.sqrt((R**2).mean()), np.sqrt((E**2).mean()), b,
             np.corrcoef(R, E)[0, 1], b, np.sqrt(((R - b*E)**2).mean())))
