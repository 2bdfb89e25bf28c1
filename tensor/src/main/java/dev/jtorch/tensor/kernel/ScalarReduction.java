package dev.jtorch.tensor.kernel;

/** The scalar reference for {@link ReductionKernels}. */
public class ScalarReduction implements ReductionKernels {
}
