#!/usr/bin/env python3
"""Structure manipulations for the CP2K reference dataset (standard library only).

Reads and writes extended XYZ as paddlewheel writes it (Lattice, species, pos). Used by
generate.sh; every operation is deterministic given its arguments (seeded where random).

  configs.py prim-na2o A OUT            antifluorite Na2O primitive cell, lattice parameter A (Å)
  configs.py prim-nabh4 A OUT           rock-salt NaBH4 primitive cell, one ordered BH4 (B-H 1.23 Å)
  configs.py tet-na2o A OUT             the same crystals in their orthogonal 2-formula-unit cell (a/√2, a/√2, a):
  configs.py tet-nabh4 A OUT            the cubic frame turned 45° about z; CP2K's grids run several times faster
                                        in orthogonal cells (48-atom NaBH4, fcc primitive vectors: 25-37 s per
                                        SCF step against 8 s for an 80-atom antiperovskite)
  configs.py remove IN SYMBOL K OUT     remove the K-th (0-based) atom of SYMBOL (K = midplane: the first at c = 1/2)
  configs.py strain IN E1 E2 E3 OUT     scale cell and positions by (1+E1, 1+E2, 1+E3) along x, y, z
  configs.py strain-molecules IN E1 E2 E3 OUT
                                        the same, but each H moves with its nearest B/N (within 2 Å): molecules
                                        keep their bonds (at 1500 K a B-H reaches 1.57 Å). A 15 % affine strain of a melt stretched one B-H past
                                        the bonded-topology limit (session 31, liquid-x1-550K-expanded-3)
  configs.py rotate IN CENTRE_INDEX AXIS DEG OUT
                                        rotate the molecule around atom CENTRE_INDEX (its H atoms within
                                        1.5 Å) about AXIS (x|y|z) by DEG degrees
  configs.py move IN INDEX FX FY FZ T OUT
                                        move atom INDEX a fraction T of the way to fractional (FX,FY,FZ)
  configs.py cubic-from-cp2k POS CELL L OUT
                                        last frame of a CP2K optimisation (POS xyz, CELL .cell file) put
                                        into a cubic cell of edge L (Å) at the same fractional coordinates
  configs.py frame IN K OUT             the K-th (0-based) frame of a trajectory
  configs.py madelung IN                per frame, the Ewald energy (meV per atom of the cell) of formal point charges on
                                        the ionic centres (Na +1, O -2, B and N -1: BH4- and NH2- as one charge each),
                                        the H atoms left out: what the vacancy arrangement costs electrostatically
  configs.py double-c IN K OUT          the K-th (0-based) frame repeated once along the third cell vector (atoms of
                                        the copy after the originals): the k-point check of a 2x2x1 scan point, whose
                                        energy per atom must equal the 2x2x1 one when Γ sampling along c is converged
  configs.py moved IN [centre]          1-based indices (comma list) of the atoms that differ by more
                                        than 1e-4 Å between the first and the last frame; with
                                        "centre", also the B/N atoms within 1.5 Å of a moved H
  configs.py frames IN STRIDE OUT       every STRIDE-th frame of a trajectory
  configs.py anchor IN INDEX            1-based index of the heavy atom (not H or Na) farthest from atom INDEX in frame 0:
                                        held in x beside a hopping ion on its dividing plane, so the crystal cannot slide
  configs.py plane IN K OUT             frame K of a hop scan rigidly rotated (cell and atoms) so that the one
                                        moving atom's path (first to last frame) runs along +x: its dividing
                                        plane is then x = const, which dft relax --fix-x holds
  configs.py rotate-first IN SYMBOL AXIS OUT DEG...
                                        frames with the first SYMBOL-centred molecule turned by each DEG
  configs.py hop IN A OUT T...          antiperovskite supercell of lattice parameter A: find a vacant
                                        cation (face-centre) site with an occupied neighbour site in
                                        the same c-plane, and move that cation the fraction T of the way
  configs.py order IN [N]               per frame, the anion-centre order S(B), S(N) of an antiperovskite supercell
                                        of N x N x N cells (default 2): |<exp(2πi N f_d)>|² over the B (N) atoms,
                                        averaged over the three cell directions d. 1 for centres on a cubic lattice,
                                        ~0.9 at 250-900 K in the crystal, ~1/n (n atoms, ≈ 0.1) for a liquid; the
                                        quenches labelled as glass-x1-1/-2 score 0.93-0.99 (recrystallised), the
                                        session-8 model's glass (check-glass-x1) 0.19/0.28
"""
import math
import sys


def read(path):
    frames = []
    with open(path) as f:
        lines = f.read().split("\n")
    i = 0
    while i < len(lines):
        if not lines[i].strip():
            i += 1
            continue
        n = int(lines[i])
        head = lines[i + 1]
        lat = head.split('Lattice="')[1].split('"')[0].split()
        cell = [[float(lat[3 * r + c]) for c in range(3)] for r in range(3)]
        atoms = []
        for ln in lines[i + 2:i + 2 + n]:
            t = ln.split()
            atoms.append([t[0], float(t[1]), float(t[2]), float(t[3])])
        frames.append((cell, atoms))
        i += 2 + n
    return frames


def write(path, frames):
    with open(path, "w") as f:
        for cell, atoms in frames:
            f.write("%d\n" % len(atoms))
            f.write('Lattice="%s" Properties=species:S:1:pos:R:3 pbc="T T T"\n'
                    % " ".join("%.10f" % x for row in cell for x in row))
            for a in atoms:
                f.write("%-2s %16.10f %16.10f %16.10f\n" % tuple(a))


def inv3(m):
    a, b, c = m
    det = (a[0] * (b[1] * c[2] - b[2] * c[1]) - a[1] * (b[0] * c[2] - b[2] * c[0]) + a[2] * (b[0] * c[1] - b[1] * c[0]))
    inv = [[(b[1] * c[2] - b[2] * c[1]) / det, (a[2] * c[1] - a[1] * c[2]) / det, (a[1] * b[2] - a[2] * b[1]) / det],
           [(b[2] * c[0] - b[0] * c[2]) / det, (a[0] * c[2] - a[2] * c[0]) / det, (a[2] * b[0] - a[0] * b[2]) / det],
           [(b[0] * c[1] - b[1] * c[0]) / det, (a[1] * c[0] - a[0] * c[1]) / det, (a[0] * b[1] - a[1] * b[0]) / det]]
    return inv


def frac(cell, r):
    # r = f . cell (rows are lattice vectors)  ->  f = r . inv(cell)
    inv = inv3(cell)
    return [sum(r[k] * inv[k][j] for k in range(3)) for j in range(3)]


def cart(cell, f):
    return [sum(f[k] * cell[k][j] for k in range(3)) for j in range(3)]


def mic(cell, d):
    f = frac(cell, d)
    f = [x - round(x) for x in f]
    return cart(cell, f)


def madelung(cell, atoms, alpha=0.35, rcut=12.0):
    """Ewald sum (eV) of formal charges on Na, O, B, N: real-space erfc sum to rcut, reciprocal sum to
    exp(-g^2/4 alpha^2) < 1e-13, self term; neutral cells only (no background term)."""
    charge = {"Na": 1.0, "O": -2.0, "B": -1.0, "N": -1.0}
    ions = [(charge[a[0]], a[1:4]) for a in atoms if a[0] in charge]
    if abs(sum(q for q, _ in ions)) > 1e-9:
        raise ValueError("madelung: the ionic centres are not neutral")
    ke = 14.399645  # e^2 / (4 pi eps0), eV A
    inv = inv3(cell)
    vol = abs(cell[0][0] * (cell[1][1] * cell[2][2] - cell[1][2] * cell[2][1])
              - cell[0][1] * (cell[1][0] * cell[2][2] - cell[1][2] * cell[2][0])
              + cell[0][2] * (cell[1][0] * cell[2][1] - cell[1][1] * cell[2][0]))
    # reciprocal vectors b_i = 2 pi * (columns of inv(cell) as rows): b_i . a_j = 2 pi delta_ij
    rec = [[2 * math.pi * inv[c][r] for c in range(3)] for r in range(3)]
    width = [vol / math.sqrt(sum(x * x for x in cross(cell[(i + 1) % 3], cell[(i + 2) % 3]))) for i in range(3)]
    nimg = [int(math.ceil(rcut / w)) + 1 for w in width]
    e = 0.0
    for i, (qi, ri) in enumerate(ions):
        for j, (qj, rj) in enumerate(ions):
            d0 = [ri[k] - rj[k] for k in range(3)]
            for a in range(-nimg[0], nimg[0] + 1):
                for b in range(-nimg[1], nimg[1] + 1):
                    for c in range(-nimg[2], nimg[2] + 1):
                        if i == j and a == b == c == 0:
                            continue
                        d = [d0[k] + a * cell[0][k] + b * cell[1][k] + c * cell[2][k] for k in range(3)]
                        r = math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2])
                        if r < rcut:
                            e += 0.5 * qi * qj * math.erfc(alpha * r) / r
    gmax = 2 * alpha * math.sqrt(30.0)
    kmax = [int(math.ceil(gmax / math.sqrt(sum(x * x for x in rec[i])))) for i in range(3)]
    for h in range(-kmax[0], kmax[0] + 1):
        for k in range(-kmax[1], kmax[1] + 1):
            for l in range(-kmax[2], kmax[2] + 1):
                if h == k == l == 0:
                    continue
                g = [h * rec[0][m] + k * rec[1][m] + l * rec[2][m] for m in range(3)]
                g2 = g[0] * g[0] + g[1] * g[1] + g[2] * g[2]
                if g2 > gmax * gmax:
                    continue
                re_ = sum(q * math.cos(g[0] * r[0] + g[1] * r[1] + g[2] * r[2]) for q, r in ions)
                im_ = sum(q * math.sin(g[0] * r[0] + g[1] * r[1] + g[2] * r[2]) for q, r in ions)
                e += 2 * math.pi / vol * math.exp(-g2 / (4 * alpha * alpha)) / g2 * (re_ * re_ + im_ * im_)
    e -= alpha / math.sqrt(math.pi) * sum(q * q for q, _ in ions)
    return ke * e


def cross(u, v):
    return [u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]]


def main(argv):
    op = argv[1]
    if op == "prim-na2o":
        a = float(argv[2])
        cell = [[0, a / 2, a / 2], [a / 2, 0, a / 2], [a / 2, a / 2, 0]]
        atoms = [["O", 0, 0, 0], ["Na", a / 4, a / 4, a / 4], ["Na", 3 * a / 4, 3 * a / 4, 3 * a / 4]]
        write(argv[3], [(cell, atoms)])
    elif op == "double-c":
        cell, atoms = read(argv[2])[int(argv[3])]
        c = cell[2]
        copy = [[a[0], a[1] + c[0], a[2] + c[1], a[3] + c[2]] for a in atoms]
        write(argv[4], [([cell[0], cell[1], [2 * x for x in c]], atoms + copy)])
    elif op == "prim-nabh4":
        a = float(argv[2])
        cell = [[0, a / 2, a / 2], [a / 2, 0, a / 2], [a / 2, a / 2, 0]]
        d = 1.23 / math.sqrt(3)
        b = [a / 2, a / 2, a / 2]
        atoms = [["Na", 0, 0, 0], ["B"] + b]
        for s in ((1, 1, 1), (1, -1, -1), (-1, 1, -1), (-1, -1, 1)):
            atoms.append(["H", b[0] + d * s[0], b[1] + d * s[1], b[2] + d * s[2]])
        write(argv[3], [(cell, atoms)])
    elif op in ("tet-na2o", "tet-nabh4"):
        a = float(argv[2])
        at = a / math.sqrt(2)
        cell = [[at, 0, 0], [0, at, 0], [0, 0, a]]

        def turn(v):  # cubic frame -> tetragonal frame: (1,1,0)/√2 -> x, (-1,1,0)/√2 -> y
            return [(v[0] + v[1]) / math.sqrt(2), (-v[0] + v[1]) / math.sqrt(2), v[2]]
        if op == "tet-na2o":
            basis = [["O", 0, 0, 0], ["Na", a / 4, a / 4, a / 4], ["Na", -a / 4, -a / 4, -a / 4]]
        else:
            d = 1.23 / math.sqrt(3)
            basis = [["Na", 0, 0, 0], ["B", 0, 0, a / 2]]
            for sg in ((1, 1, 1), (1, -1, -1), (-1, 1, -1), (-1, -1, 1)):
                basis.append(["H", d * sg[0], d * sg[1], a / 2 + d * sg[2]])
        atoms = []
        for lp in ([0, 0, 0], [at / 2, at / 2, a / 2]):  # the two fcc lattice points of the cell (body-centred tetragonal)
            for b in basis:
                r = turn(b[1:])
                f = [((lp[k] + r[k]) / cell[k][k]) % 1.0 for k in range(3)]
                atoms.append([b[0]] + [f[k] * cell[k][k] for k in range(3)])
        write(argv[3], [(cell, atoms)])
    elif op == "cubic-from-cp2k":
        # A warm start for a cubic-constrained relaxation: the internal coordinates a free-cell run
        # reached, in the cubic cell.
        with open(argv[2]) as f:
            lines = f.read().split("\n")
        i, last = 0, None
        while i < len(lines) and lines[i].strip():
            n = int(lines[i])
            last = [[t[0]] + [float(x) for x in t[1:4]] for t in (ln.split() for ln in lines[i + 2:i + 2 + n])]
            i += 2 + n
        rows = [ln.split() for ln in open(argv[3]) if ln.strip() and not ln.startswith("#")]
        v = [float(x) for x in rows[-1][2:11]]
        cell = [v[0:3], v[3:6], v[6:9]]
        L = float(argv[4])
        cube = [[L, 0, 0], [0, L, 0], [0, 0, L]]
        atoms = [[a[0]] + cart(cube, [x % 1.0 for x in frac(cell, a[1:])]) for a in last]
        write(argv[5], [(cube, atoms)])
    elif op == "remove":
        frames = read(argv[2])
        sym, k = argv[3], argv[4]
        out = []
        for cell, atoms in frames:
            cands = [i for i, a in enumerate(atoms) if a[0] == sym]
            if k == "midplane":  # the first one in the plane c = 1/2 (it has in-plane neighbours)
                idx = [i for i in cands if abs(frac(cell, atoms[i][1:])[2] % 1 - 0.5) < 0.05][0]
            else:
                idx = cands[int(k)]
            out.append((cell, atoms[:idx] + atoms[idx + 1:]))
        write(argv[5], out)
    elif op == "strain":
        e = [float(x) for x in argv[3:6]]
        out = []
        for cell, atoms in read(argv[2]):
            c2 = [[cell[r][c] * (1 + e[c]) for c in range(3)] for r in range(3)]
            out.append((c2, [[a[0]] + [a[1 + c] * (1 + e[c]) for c in range(3)] for a in atoms]))
        write(argv[6], out)
    elif op == "strain-molecules":
        e = [float(x) for x in argv[3:6]]
        out = []
        for cell, atoms in read(argv[2]):
            c2 = [[cell[r][c] * (1 + e[c]) for c in range(3)] for r in range(3)]
            centres = [i for i, a in enumerate(atoms) if a[0] in ("B", "N")]
            new = [[a[0]] + [a[1 + c] * (1 + e[c]) for c in range(3)] for a in atoms]
            for i, a in enumerate(atoms):
                if a[0] != "H":
                    continue
                best, bond = None, None
                for j in centres:
                    d = mic(cell, [a[1 + k] - atoms[j][1 + k] for k in range(3)])
                    r = math.sqrt(sum(x * x for x in d))
                    if r <= 2.0 and (best is None or r < best):
                        best, bond = r, (j, d)
                if bond is not None:  # a free H (none within 2 Å) is strained with the cell, as by "strain"
                    j, d = bond
                    new[i] = ["H"] + [new[j][1 + k] + d[k] for k in range(3)]
            out.append((c2, new))
        write(argv[6], out)
    elif op == "rotate":
        frames = read(argv[2])
        ci, axis, deg = int(argv[3]), argv[4], float(argv[5])
        th = math.radians(deg)
        co, si = math.cos(th), math.sin(th)
        ax = "xyz".index(axis)
        out = []
        for cell, atoms in frames:
            atoms = [list(a) for a in atoms]
            c = atoms[ci][1:]
            for a in atoms:
                if a[0] != "H":
                    continue
                d = mic(cell, [a[1 + k] - c[k] for k in range(3)])
                if math.sqrt(sum(x * x for x in d)) > 1.5:
                    continue
                i, j = [k for k in range(3) if k != ax]
                di, dj = d[i] * co - d[j] * si, d[i] * si + d[j] * co
                d[i], d[j] = di, dj
                for k in range(3):
                    a[1 + k] = c[k] + d[k]
            out.append((cell, atoms))
        write(argv[6], out)
    elif op == "move":
        frames = read(argv[2])
        idx = int(argv[3])
        target = [float(x) for x in argv[4:7]]
        t = float(argv[7])
        out = []
        for cell, atoms in frames:
            atoms = [list(a) for a in atoms]
            goal = cart(cell, target)
            d = mic(cell, [goal[k] - atoms[idx][1 + k] for k in range(3)])
            for k in range(3):
                atoms[idx][1 + k] += t * d[k]
            out.append((cell, atoms))
        write(argv[8], out)
    elif op == "madelung":
        for k, (cell, atoms) in enumerate(read(argv[2])):
            print("%d\t%.1f" % (k, 1e3 * madelung(cell, atoms) / len(atoms)))
    elif op == "frame":
        write(argv[4], [read(argv[2])[int(argv[3])]])
    elif op == "moved":
        frames = read(argv[2])
        a, b = frames[0][1], frames[-1][1]
        moved = [i for i in range(len(a)) if max(abs(a[i][k] - b[i][k]) for k in (1, 2, 3)) > 1e-4]
        if len(argv) > 3 and argv[3] == "centre":
            cell = frames[0][0]
            for i in range(len(a)):
                if a[i][0] in ("B", "N") and any(a[j][0] == "H" and
                                                  math.sqrt(sum(x * x for x in mic(cell, [a[j][k + 1] - a[i][k + 1] for k in range(3)]))) < 1.5
                                                  for j in moved):
                    moved.append(i)
        print(",".join(str(i + 1) for i in sorted(set(moved))))
    elif op == "anchor":
        # the heavy atom (not H, not Na) farthest from atom INDEX (1-based) in frame 0: held in x beside a hopping ion on its
        # dividing plane, so the crystal cannot slide along x past it (one held atom holds no plane of the crystal)
        cell, a = read(argv[2])[0]
        k = int(argv[3]) - 1
        best = max((math.sqrt(sum(x * x for x in mic(cell, [a[i][q + 1] - a[k][q + 1] for q in range(3)]))), i)
                   for i in range(len(a)) if i != k and a[i][0] not in ("H", "Na"))
        print(best[1] + 1)
    elif op == "plane":
        frames = read(argv[2])
        a, b = frames[0][1], frames[-1][1]
        moved = [i for i in range(len(a)) if max(abs(a[i][k] - b[i][k]) for k in (1, 2, 3)) > 1e-4]
        if len(moved) != 1:
            sys.exit("plane: expected one moving atom in %s, found %d" % (argv[2], len(moved)))
        u = [b[moved[0]][k + 1] - a[moved[0]][k + 1] for k in range(3)]
        norm = math.sqrt(sum(x * x for x in u))
        u = [x / norm for x in u]
        # Rodrigues: the rotation taking u onto x = (1, 0, 0), about the axis u × x
        ax = [0.0, u[2], -u[1]]
        sn, cs = math.sqrt(sum(x * x for x in ax)), u[0]
        if sn < 1e-12:
            rot = [[1, 0, 0], [0, 1, 0], [0, 0, 1]] if cs > 0 else [[-1, 0, 0], [0, -1, 0], [0, 0, 1]]
        else:
            k_ = [x / sn for x in ax]
            kx = [[0, -k_[2], k_[1]], [k_[2], 0, -k_[0]], [-k_[1], k_[0], 0]]
            kk = [[sum(kx[i][m] * kx[m][j] for m in range(3)) for j in range(3)] for i in range(3)]
            rot = [[(1 if i == j else 0) + sn * kx[i][j] + (1 - cs) * kk[i][j] for j in range(3)] for i in range(3)]

        def turn(v):
            return [sum(rot[i][j] * v[j] for j in range(3)) for i in range(3)]
        cell, atoms = frames[int(argv[3])]
        write(argv[4], [([turn(r) for r in cell], [[at[0]] + turn(at[1:]) for at in atoms])])
        sys.stderr.write("plane: atom %d's path now along x (%.3f, %.3f, %.3f)\n" % ((moved[0] + 1,) + tuple(turn(u))))
    elif op == "mirror":
        # The end state of a symmetric hop from a relaxed start: the start carried by a symmetry operation of the cell
        # that swaps the ion's site and the vacancy (fixing the hop's midpoint; scan frames 0 and 2 are t = 0 and
        # t = 0.5), atoms renumbered so that each keeps its own site's image and only the hopping ion travels. The
        # operations tried are the mirror through the plane bisecting the hop, the inversion through its midpoint, and
        # the 2-fold rotations about axes through the midpoint normal to the hop; the first that maps the unrelaxed
        # start onto itself (ion moved) to 0.05 A is used, so the output is the relaxed end state by symmetry.
        scan = read(argv[2])
        cell, a0 = scan[0]
        mid = scan[2][1]
        ion = [i for i in range(len(a0)) if max(abs(a0[i][k] - mid[i][k]) for k in (1, 2, 3)) > 1e-4]
        if len(ion) != 1:
            sys.exit("mirror: expected one moving atom in %s, found %d" % (argv[2], len(ion)))
        ion = ion[0]
        m = mid[ion][1:]
        n = mic(cell, [m[k] - a0[ion][k + 1] for k in range(3)])
        nn = math.sqrt(sum(x * x for x in n))
        n = [x / nn for x in n]
        ops = [("mirror", [[(1 if i == j else 0) - 2 * n[i] * n[j] for j in range(3)] for i in range(3)]),
               ("inversion", [[-1 if i == j else 0 for j in range(3)] for i in range(3)])]
        for c in ([1, 0, 0], [0, 1, 0], [0, 0, 1], [n[1] - n[2], n[2] - n[0], n[0] - n[1]]):
            u = [c[k] - sum(c[j] * n[j] for j in range(3)) * n[k] for k in range(3)]
            un = math.sqrt(sum(x * x for x in u))
            if un > 1e-6:
                u = [x / un for x in u]
                ops.append(("2-fold axis (%.2f, %.2f, %.2f)" % tuple(u),
                            [[2 * u[i] * u[j] - (1 if i == j else 0) for j in range(3)] for i in range(3)]))

        def carry(op_, p):
            d = mic(cell, [p[k] - m[k] for k in range(3)])
            return [m[i] + sum(op_[i][j] * d[j] for j in range(3)) for i in range(3)]

        def match(atoms, images, tol):
            perm, worst = [None] * len(atoms), 0.0
            for i, p in enumerate(images):
                if i == ion:
                    perm[i] = ion
                    continue
                best = min((math.sqrt(sum(x * x for x in mic(cell, [p[k] - atoms[j][k + 1] for k in range(3)]))), j)
                           for j in range(len(atoms)) if j != ion and atoms[j][0] == atoms[i][0])
                if best[0] > tol:
                    return None, best[0]
                perm[i], worst = best[1], max(worst, best[0])
            if sorted(perm) != list(range(len(atoms))):
                return None, worst
            return perm, worst
        for name, op_ in ops:
            perm0, worst0 = match(a0, [carry(op_, at[1:]) for at in a0], 0.05)
            if perm0 is not None:
                break
        else:
            sys.exit("mirror: no mirror, inversion or 2-fold axis at the hop's midpoint maps %s onto itself" % argv[2])
        _, relaxed = read(argv[3])[0]
        images = [carry(op_, at[1:]) for at in relaxed]
        # the unrelaxed start's renumbering carries over: relaxation is covariant under the cell's symmetry
        out = [None] * len(relaxed)
        for i, j in enumerate(perm0):
            # the image nearest the same atom of the start: NEB images are interpolated without minimum image
            d = mic(cell, [images[i][k] - relaxed[j][k + 1] for k in range(3)])
            out[j] = [relaxed[j][0]] + [relaxed[j][k + 1] + d[k] for k in range(3)]
        worst = max(math.sqrt(sum(x * x for x in mic(cell, [out[j][k + 1] - relaxed[j][k + 1] for k in range(3)])))
                    for j in range(len(out)) if j != ion)
        write(argv[4], [(cell, out)])
        sys.stderr.write("mirror: %s; atom %d hops %.3f A; unrelaxed start maps onto itself to %.1e A, relaxed to %.3f A\n"
                         % (name, ion + 1, 2 * nn, worst0, worst))
    elif op == "frames":
        frames = read(argv[2])
        write(argv[4], frames[::int(argv[3])])
    elif op == "rotate-first":
        cell, atoms = read(argv[2])[0]
        ci = [i for i, a in enumerate(atoms) if a[0] == argv[3]][0]
        out = []
        for deg in argv[6:]:
            main(["", "rotate", argv[2], str(ci), argv[4], deg, argv[5] + ".tmp"])
            out += read(argv[5] + ".tmp")
        write(argv[5], out)
    elif op == "hop":
        cell, atoms = read(argv[2])[0]
        a = float(argv[3])
        n = [round(math.sqrt(sum(x * x for x in cell[r])) / a) for r in range(3)]
        sites = []
        for i in range(n[0]):
            for j in range(n[1]):
                for k in range(n[2]):
                    for f in ((0.5, 0, 0.5), (0, 0.5, 0.5), (0.5, 0.5, 0)):
                        sites.append(cart(cell, [(i + f[0]) / n[0], (j + f[1]) / n[1], (k + f[2]) / n[2]]))
        cations = [i for i, at in enumerate(atoms) if at[0] in ("Na", "Li", "K")]

        def dist(p, q):
            d = mic(cell, [p[k] - q[k] for k in range(3)])
            return math.sqrt(sum(x * x for x in d)), d
        occupant = {}
        for s_i, sp in enumerate(sites):
            for c in cations:
                if dist(sp, atoms[c][1:])[0] < 0.8:
                    occupant[s_i] = c
        vacant = [s_i for s_i in range(len(sites)) if s_i not in occupant]
        choice = None
        for v in vacant:
            for s_i, c in sorted(occupant.items()):
                dd, d = dist(sites[s_i], sites[v])
                if abs(dd - a / math.sqrt(2)) < 0.05 * a and abs(d[2]) < 0.05 * a:
                    choice = (v, s_i, c)
                    break
            if choice:
                break
        if choice is None:
            sys.exit("no vacant site with an in-plane occupied neighbour")
        v, s_i, c = choice
        out = []
        for t in argv[5:]:
            at2 = [list(x) for x in atoms]
            d = mic(cell, [sites[v][k] - sites[s_i][k] for k in range(3)])
            for k in range(3):
                at2[c][1 + k] = sites[s_i][k] + float(t) * d[k]
            out.append((cell, at2))
        write(argv[4], out)
        sys.stderr.write("hop: cation %d from site %d to vacant site %d (%.3f A)\n" % (c, s_i, v, dist(sites[s_i], sites[v])[0]))
    elif op == "order":
        n = int(argv[3]) if len(argv) > 3 else 2
        for k, (cell, atoms) in enumerate(read(argv[2])):
            out = []
            for el in ("B", "N"):
                fr = [frac(cell, at[1:4]) for at in atoms if at[0] == el]
                if not fr:
                    out.append(float("nan"))
                    continue
                sd = 0.0
                for d in range(3):
                    re = sum(math.cos(2 * math.pi * n * f[d]) for f in fr) / len(fr)
                    im = sum(math.sin(2 * math.pi * n * f[d]) for f in fr) / len(fr)
                    sd += (re * re + im * im) / 3
                out.append(sd)
            print("%d\t%.3f\t%.3f" % (k, out[0], out[1]))
    else:
        sys.exit("unknown operation " + op)


if __name__ == "__main__":
    main(sys.argv)
