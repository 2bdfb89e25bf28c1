package dev.jtorch.nn;

import dev.jtorch.Tensor;
import dev.jtorch.Torch;
import dev.jtorch.nn.functional.F;
import dev.jtorch.tensor.PyFormat;

/**
 * {@code torch.nn.LayerNorm(normalized_shape, eps=1e-05, elementwise_affine=True, bias=True)}:
 * weight initialised to ones, bias to zeros.
 */
public class LayerNorm extends Module {
    private final int[] normalizedShape;
    private final double eps;
    private final boolean elementwiseAffine;

    /** {@code nn.LayerNorm(normalized_shape)}. */
    public LayerNorm(int... normalizedShape) {
        this(normalizedShape, 1e-5, true, true);
    }

    /** {@code nn.LayerNorm(normalized_shape, eps, elementwise_affine, bias)}. */
    public LayerNorm(int[] normalizedShape, double eps, boolean elementwiseAffine, boolean bias) {
        this.normalizedShape = normalizedShape.clone();
        this.eps = eps;
        this.elementwiseAffine = elementwiseAffine;
        registerParameter("weight", elementwiseAffine ? new Parameter(Torch.ones(normalizedShape)) : null);
        registerParameter("bias", elementwiseAffine && bias ? new Parameter(Torch.zeros(normalizedShape)) : null);
    }

    /** {@code layer_norm.weight}, or null. */
    public Parameter weight() {
        return parameter("weight");
    }

    /** {@code layer_norm.bias}, or null. */
    public Parameter bias() {
        return parameter("bias");
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.layerNorm(input, normalizedShape, weight(), bias(), eps);
    }

    @Override
    public String extraRepr() {
        return Repr.tuple(normalizedShape) + ", eps=" + PyFormat.repr(eps) + ", elementwise_affine="
                + PyFormat.repr(elementwiseAffine);
    }
}
