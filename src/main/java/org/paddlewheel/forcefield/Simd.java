package org.paddlewheel.forcefield;

/**
 * Chooses SIMD kernels (the incubating Vector API, {@code jdk.incubator.vector}) when the JVM was
 * started with {@code --add-modules jdk.incubator.vector}, else the scalar ones; the system property
 * {@code paddlewheel.simd=false} forces scalar. Used for the Ewald k-space loops and the real-space
 * pair loop ({@link #pairKernel}). The vector classes are loaded reflectively, so the
 * code runs on a JVM without the module.
 */
public final class Simd {
    private static final boolean ENABLED = !"false".equals(System.getProperty("paddlewheel.simd"))
            && ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private Simd() {}

    /**
     * The UF3 3-body contraction: vectorised ({@code VectorThreeBodyKernel}) whenever SIMD is on, unless
     * {@code -Dpaddlewheel.simd.threebody=false}.
     */
    static ThreeBodyTerm.Contraction threeBodyKernel() {
        return ENABLED && !"false".equals(System.getProperty("paddlewheel.simd.threebody"))
                ? (ThreeBodyTerm.Contraction) load("org.paddlewheel.forcefield.VectorThreeBodyKernel") : new ThreeBodyTerm.ScalarContraction();
    }

    /** True if the vector kernels are in use. */
    public static boolean enabled() { return ENABLED; }

    static EwaldKernel ewaldKernel() {
        return ENABLED ? (EwaldKernel) load("org.paddlewheel.forcefield.VectorEwaldKernel") : new EwaldKernel.Scalar();
    }

    /**
     * The SIMD pair loop ({@code VectorPairKernel}) whenever SIMD is on; {@code -Dpaddlewheel.simd.pairs=false}
     * keeps the scalar pair loop (with SIMD k-space).
     */
    static RealSpace.PairKernel pairKernel() {
        return pairsEnabled() ? (RealSpace.PairKernel) load("org.paddlewheel.forcefield.VectorPairKernel") : null;
    }

    /** True when the real-space pair loop runs vectorised (results differ from scalar in the last digits). */
    public static boolean pairsEnabled() {
        return ENABLED && !"false".equals(System.getProperty("paddlewheel.simd.pairs"));
    }

    /** Which kernels run, for checkpoint fingerprints: a resume must use the same arithmetic. */
    public static String fingerprint() {
        return "simd=" + ENABLED + ",pairs=" + pairsEnabled();
    }

    static Object load(String name) {
        try {
            return Class.forName(name).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError ex) {
            throw new IllegalStateException("cannot load SIMD kernel " + name, ex);
        }
    }
}
