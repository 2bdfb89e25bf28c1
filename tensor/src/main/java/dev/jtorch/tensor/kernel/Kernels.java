package dev.jtorch.tensor.kernel;

import java.util.logging.Logger;

/**
 * The kernel implementations chosen once at startup: the Vector API versions when the
 * {@code jdk.incubator.vector} module is present (run with {@code --add-modules jdk.incubator.vector}),
 * otherwise the scalar references, with one warning (as Lucene does). Setting the system property
 * {@code jtorch.kernels=scalar} forces the references, which tests use to compare the two.
 *
 * <p>Each family has one interface, a scalar reference ({@code Scalar*}) and a SIMD version
 * ({@code Vector*}); ops in {@code dev.jtorch.tensor} call only these fields.
 */
public final class Kernels {
    private Kernels() {}

    /** True when the Vector API implementations are in use. */
    public static final boolean VECTORIZED = detect();

    /** Elementwise unary and binary maps. */
    public static final ElementwiseKernels ELEMENTWISE = VECTORIZED ? VectorElementwise.create() : new ScalarElementwise();

    /** Reductions and fused softmax-style row kernels. */
    public static final ReductionKernels REDUCTION = VECTORIZED ? VectorReduction.create() : new ScalarReduction();

    /** Matrix multiply. */
    public static final GemmKernels GEMM = VECTORIZED ? VectorGemm.create() : new ScalarGemm();

    private static boolean detect() {
        if ("scalar".equals(System.getProperty("jtorch.kernels"))) {
            return false;
        }
        boolean present = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        if (!present) {
            Logger.getLogger("dev.jtorch").warning("jdk.incubator.vector is not available; jtorch uses its scalar "
                    + "kernels. Run the JVM with --add-modules jdk.incubator.vector for SIMD speed.");
        }
        return present;
    }
}
