package dev.jtorch.tensor.kernel;

/** The scalar reference for {@link GemmKernels}: the textbook triple loop. */
public class ScalarGemm implements GemmKernels {
}
