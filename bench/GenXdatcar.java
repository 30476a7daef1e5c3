import java.io.BufferedWriter;
import java.io.FileWriter;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Synthetic XDATCAR for the analysis benchmark: a 3×3×3 antiperovskite-like cell (a = 4.6 Å) with
 * 270 atoms — 54 Na, 27 B, 27 N, 162 H — all vibrating (σ = 0.1 Å), Na additionally hopping by
 * random-walk steps of 3.25 Å with probability 0.002 per frame. Usage: java GenXdatcar.java OUT FRAMES SEED
 */
public class GenXdatcar {
    public static void main(String[] a) throws Exception {
        int frames = Integer.parseInt(a[1]);
        SplittableRandom r = new SplittableRandom(Long.parseLong(a[2]));
        double L = 13.8;
        int[] counts = {54, 27, 27, 162};
        int n = 270;
        double[] base = new double[3 * n];
        for (int i = 0; i < 3 * n; i++) base[i] = r.nextDouble() * L;
        StringBuilder sb = new StringBuilder(1 << 16);
        try (BufferedWriter w = new BufferedWriter(new FileWriter(a[0]), 1 << 20)) {
            w.write("synthetic benchmark\n           1\n");
            w.write(String.format(Locale.ROOT, "    %11.6f %11.6f %11.6f%n    %11.6f %11.6f %11.6f%n    %11.6f %11.6f %11.6f%n", L, 0.0, 0.0, 0.0, L, 0.0, 0.0, 0.0, L));
            w.write("   Na   B    N    H\n   54   27   27  162\n");
            for (int f = 1; f <= frames; f++) {
                sb.setLength(0);
                sb.append("Direct configuration=").append(String.format("%6d", f)).append('\n');
                for (int i = 0; i < n; i++) {
                    if (i < 54 && r.nextDouble() < 0.002) base[3 * i + r.nextInt(3)] += r.nextBoolean() ? 3.25 : -3.25;
                    for (int k = 0; k < 3; k++) {
                        double x = (base[3 * i + k] + 0.1 * r.nextGaussian()) / L;
                        x -= Math.floor(x);
                        sb.append(String.format(Locale.ROOT, "  %.8f", x));
                    }
                    sb.append('\n');
                }
                w.write(sb.toString());
            }
        }
    }
}
