package org.paddlewheel.numerics;

/**
 * Complex 3-D FFT on an n1 × n2 × n3 grid of powers of two, stored row-major
 * ({@code index = (i1 * n2 + i2) * n3 + i3}) as split real and imaginary arrays: one-dimensional
 * {@link ComplexFft} passes along each axis through a line buffer. Forward uses e^{−2πi k·j/n}; the
 * inverse is unscaled. Not thread-safe (the line buffers are per instance).
 */
public final class Fft3d {
    private final int n1, n2, n3;
    private final ComplexFft f1, f2, f3;
    private final double[] lr, li;

    public Fft3d(int n1, int n2, int n3) {
        this.n1 = n1;
        this.n2 = n2;
        this.n3 = n3;
        f1 = new ComplexFft(n1);
        f2 = new ComplexFft(n2);
        f3 = new ComplexFft(n3);
        int m = Math.max(n1, Math.max(n2, n3));
        lr = new double[m];
        li = new double[m];
    }

    public void forward(double[] re, double[] im) { transform(re, im, true); }

    public void inverse(double[] re, double[] im) { transform(re, im, false); }

    private void transform(double[] re, double[] im, boolean fwd) {
        // Axis 3 (contiguous).
        for (int a = 0; a < n1 * n2; a++) {
            int off = a * n3;
            System.arraycopy(re, off, lr, 0, n3);
            System.arraycopy(im, off, li, 0, n3);
            if (fwd) f3.forward(lr, li); else f3.inverse(lr, li);
            System.arraycopy(lr, 0, re, off, n3);
            System.arraycopy(li, 0, im, off, n3);
        }
        // Axis 2.
        for (int i1 = 0; i1 < n1; i1++) {
            for (int i3 = 0; i3 < n3; i3++) {
                int base = i1 * n2 * n3 + i3;
                for (int i2 = 0; i2 < n2; i2++) { lr[i2] = re[base + i2 * n3]; li[i2] = im[base + i2 * n3]; }
                if (fwd) f2.forward(lr, li); else f2.inverse(lr, li);
                for (int i2 = 0; i2 < n2; i2++) { re[base + i2 * n3] = lr[i2]; im[base + i2 * n3] = li[i2]; }
            }
        }
        // Axis 1.
        int stride = n2 * n3;
        for (int b = 0; b < stride; b++) {
            for (int i1 = 0; i1 < n1; i1++) { lr[i1] = re[b + i1 * stride]; li[i1] = im[b + i1 * stride]; }
            if (fwd) f1.forward(lr, li); else f1.inverse(lr, li);
            for (int i1 = 0; i1 < n1; i1++) { re[b + i1 * stride] = lr[i1]; im[b + i1 * stride] = li[i1]; }
        }
    }
}
