package org.paddlewheel.experiment.nmr;

/**
 * Central-transition (m = ½ ↔ −½) powder lineshape of a half-integer quadrupolar nucleus (²³Na,
 * ¹¹B: I = 3/2) broadened by the second-order quadrupolar interaction, static or under magic-angle
 * spinning in the fast-spinning limit (centreband only; spinning sidebands of the central transition
 * and the satellite transitions are not modelled, so valid for ν_r above the static width).
 * <p>Second-order perturbation theory of H_Z + H_Q (Abragam 1961, ch. VII; the form of M. H. Cohen,
 * F. Reif, Solid State Phys. 5 (1957) 321) for a lab-frame EFG tensor v (units of V_zz, z ∥ B0)
 * gives the shift of the central transition in Hz
 * <pre>  Δν = (q²/ν0)·(I(I+1) − ¾)·(4c − 8b),  q = C_Q/(4I(2I−1)),
 *   b = |v_zx|² + |v_zy|²,  c = ¼(v_xx − v_yy)² + v_xy²,</pre>
 * which depend only on the field direction n in the principal-axis frame (b = |Vn|² − (nᵀVn)²,
 * c = ½(tr V² − 2b − a²) − a²/4, a = nᵀVn), V = diag((η−1)/2, −(1+η)/2, 1). For η = 0 it is the
 * textbook Δν = −(ν_Q²/6ν0)(I(I+1) − ¾)·(−27/8·cos⁴θ + 30/8·cos²θ − 3/8), ν_Q = 3C_Q/(2I(2I−1))
 * (e.g. A. Samoson, E. Kundla, E. Lippmaa, J. Magn. Reson. 49 (1982) 350). Under MAS the shift is
 * the average of Δν(n) over the rotor phase with n at 54.7356° from the rotor axis, taken exactly
 * with 8 phases (Δν is a trigonometric polynomial of degree 4 in the phase). The powder average runs
 * over a midpoint grid uniform in cos β and in α on one octant (Δν is even in each component of n).
 * Per orientation the shift is stored as g0 + g1·η + g2·η² (4c − 8b is quadratic in η), so a
 * spectrum for any (C_Q, η, δ_iso) costs one pass over the orientations. Shifts in ppm are
 * Δν/ν0·10⁶ (ν0 the Larmor frequency, Hz). Centre of gravity, every η (exact):
 * δ_cg = δ_iso − (3/40)·(C_Q/ν0)²·(I(I+1) − ¾)/(I²(2I−1)²)·(1 + η²/3)·10⁶.
 */
public final class QuadrupolarLineshape {
    /** The magic angle arccos(1/√3), rad. */
    public static final double MAGIC_ANGLE = Math.acos(1 / Math.sqrt(3));
    private static final int ROTOR_PHASES = 8;

    private final double spin;
    private final boolean mas;
    private final double[] g0, g1, g2;

    /**
     * Precomputes the orientation grid.
     *
     * @param spin  half-integer I ≥ 3/2
     * @param mas   fast magic-angle spinning (true) or static (false)
     * @param nBeta grid points in cos β (≥ 8); nBeta/3 points in α are used (at least 4)
     */
    public QuadrupolarLineshape(double spin, boolean mas, int nBeta) {
        this(spin, mas, nBeta, Math.max(4, nBeta / 3));
    }

    /** As {@link #QuadrupolarLineshape(double, boolean, int)} with {@code nAlpha} points in α (≥ 1). */
    public QuadrupolarLineshape(double spin, boolean mas, int nBeta, int nAlpha) {
        if (!(spin >= 1.5) || Math.abs(spin - Math.floor(spin) - 0.5) > 1e-9) {
            throw new IllegalArgumentException("the central-transition lineshape needs a half-integer spin ≥ 3/2, got " + spin);
        }
        this.spin = spin;
        this.mas = mas;
        int nb = Math.max(8, nBeta), na = Math.max(1, nAlpha);
        g0 = new double[nb * na];
        g1 = new double[nb * na];
        g2 = new double[nb * na];
        for (int i = 0; i < nb; i++) {
            double cb = (i + 0.5) / nb, sb = Math.sqrt(1 - cb * cb);
            for (int j = 0; j < na; j++) {
                double al = (j + 0.5) / na * Math.PI / 2;
                double[] d = {sb * Math.cos(al), sb * Math.sin(al), cb};
                double gp = shape(d, 1), gm = shape(d, -1), gz = shape(d, 0);
                int k = i * na + j;
                g0[k] = gz;
                g1[k] = (gp - gm) / 2;
                g2[k] = (gp + gm) / 2 - gz;
            }
        }
    }

    /** The spin I. */
    public double spin() { return spin; }

    /** Whether the fast-MAS centreband is modelled. */
    public boolean mas() { return mas; }

    /** Number of orientations. */
    public int orientations() { return g0.length; }

    /** 4c − 8b at direction d (static: d is the field; MAS: d is the rotor axis, averaged over phase). */
    private double shape(double[] d, double eta) {
        if (!mas) return staticShape(d, eta);
        // two unit vectors perpendicular to the rotor axis d
        double[] e1 = Math.abs(d[2]) < 0.9 ? cross(d, new double[] {0, 0, 1}) : cross(d, new double[] {1, 0, 0});
        normalise(e1);
        double[] e2 = cross(d, e1);
        double c = Math.cos(MAGIC_ANGLE), s = Math.sin(MAGIC_ANGLE), sum = 0;
        for (int k = 0; k < ROTOR_PHASES; k++) {
            double ph = 2 * Math.PI * k / ROTOR_PHASES, cp = Math.cos(ph), sp = Math.sin(ph);
            double[] n = new double[3];
            for (int x = 0; x < 3; x++) n[x] = c * d[x] + s * (cp * e1[x] + sp * e2[x]);
            sum += staticShape(n, eta);
        }
        return sum / ROTOR_PHASES;
    }

    /** 4c − 8b for field direction n (unit vector in the EFG principal frame). */
    static double staticShape(double[] n, double eta) {
        double vx = (eta - 1) / 2, vy = -(1 + eta) / 2, vz = 1;
        double a = vx * n[0] * n[0] + vy * n[1] * n[1] + vz * n[2] * n[2];
        double vn2 = vx * vx * n[0] * n[0] + vy * vy * n[1] * n[1] + vz * vz * n[2] * n[2];
        double trV2 = vx * vx + vy * vy + vz * vz;
        double b = vn2 - a * a;
        double cc = 0.5 * (trV2 - 2 * b - a * a) - a * a / 4;
        return 4 * cc - 8 * b;
    }

    /** Second-order shift in ppm per unit (4c − 8b) for this C_Q (Hz) and Larmor ν0 (Hz). */
    public double ppmPerShapeUnit(double cqHz, double larmorHz) {
        double q = cqHz / (4 * spin * (2 * spin - 1));
        return 1e6 * (q / larmorHz) * (q / larmorHz) * (spin * (spin + 1) - 0.75);
    }

    /** Exact centre of gravity in ppm (quadrupole-induced shift included; same static and MAS). */
    public double centreOfGravityPpm(double cqHz, double eta, double isoPpm, double larmorHz) {
        double x = spin * (spin + 1) - 0.75, r = cqHz / larmorHz;
        return isoPpm - 0.075 * r * r * x / (spin * spin * (2 * spin - 1) * (2 * spin - 1)) * (1 + eta * eta / 3) * 1e6;
    }

    /** The shift of every orientation in ppm (each of equal powder weight). */
    public double[] shiftsPpm(double cqHz, double eta, double isoPpm, double larmorHz) {
        double k = ppmPerShapeUnit(cqHz, larmorHz);
        double[] out = new double[g0.length];
        for (int i = 0; i < out.length; i++) out[i] = isoPpm + k * (g0[i] + eta * (g1[i] + eta * g2[i]));
        return out;
    }

    /** Lowest and highest shift over the powder, ppm. */
    public double[] rangePpm(double cqHz, double eta, double isoPpm, double larmorHz) {
        double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
        for (double v : shiftsPpm(cqHz, eta, isoPpm, larmorHz)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
        return new double[] {lo, hi};
    }

    /**
     * The spectrum on an evenly spaced ppm axis (ascending or descending), unit area in ppm:
     * the powder histogram (each orientation split linearly between its two nearest points) convolved
     * with a Lorentzian of FWHM {@code lorentzHz} and a Gaussian of FWHM {@code gaussHz} (Hz; 0 = none).
     */
    public double[] spectrum(double cqHz, double eta, double isoPpm, double larmorHz, double lorentzHz, double gaussHz, double[] ppm) {
        int n = ppm.length;
        if (n < 2) throw new IllegalArgumentException("the ppm axis needs at least 2 points");
        double x0 = ppm[0], dx = (ppm[n - 1] - ppm[0]) / (n - 1);
        double[] h = new double[n];
        double k = ppmPerShapeUnit(cqHz, larmorHz), w = 1.0 / g0.length;
        for (int i = 0; i < g0.length; i++) {
            double u = (isoPpm + k * (g0[i] + eta * (g1[i] + eta * g2[i])) - x0) / dx;
            int j = (int) Math.floor(u);
            double f = u - j;
            if (j >= 0 && j < n) h[j] += w * (1 - f);
            if (j + 1 >= 0 && j + 1 < n) h[j + 1] += w * f;
        }
        double step = Math.abs(dx);
        h = broaden(h, step, lorentzHz / larmorHz * 1e6, gaussHz / larmorHz * 1e6);
        for (int i = 0; i < n; i++) h[i] /= step;
        return h;
    }

    /** Convolution of h (grid step {@code step} ppm) with a unit-area Lorentzian and Gaussian (FWHM in ppm). */
    static double[] broaden(double[] h, double step, double lorentzPpm, double gaussPpm) {
        double[] out = h;
        if (lorentzPpm > 0) {
            double g = lorentzPpm / 2 / step; // HWHM in points
            int half = (int) Math.min(h.length, Math.ceil(60 * g));
            double[] ker = new double[2 * half + 1];
            double sum = 0;
            for (int i = -half; i <= half; i++) sum += ker[i + half] = g / Math.PI / (i * i + g * g);
            for (int i = 0; i < ker.length; i++) ker[i] /= sum; // unit area despite the cut tails
            out = convolve(out, ker, half);
        }
        if (gaussPpm > 0) {
            double s = gaussPpm / step / (2 * Math.sqrt(2 * Math.log(2)));
            int half = (int) Math.min(h.length, Math.ceil(6 * s));
            double[] ker = new double[2 * half + 1];
            double sum = 0;
            for (int i = -half; i <= half; i++) sum += ker[i + half] = Math.exp(-0.5 * i * i / (s * s));
            for (int i = 0; i < ker.length; i++) ker[i] /= sum;
            out = convolve(out, ker, half);
        }
        return out;
    }

    private static double[] convolve(double[] h, double[] ker, int half) {
        double[] out = new double[h.length];
        for (int j = 0; j < h.length; j++) {
            if (h[j] == 0) continue;
            int lo = Math.max(0, j - half), hi = Math.min(h.length - 1, j + half);
            for (int i = lo; i <= hi; i++) out[i] += h[j] * ker[i - j + half];
        }
        return out;
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    private static void normalise(double[] v) {
        double n = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        for (int i = 0; i < 3; i++) v[i] /= n;
    }
}
