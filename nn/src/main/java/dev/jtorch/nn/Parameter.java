package dev.jtorch.nn;

import dev.jtorch.Tensor;

/**
 * {@code torch.nn.Parameter}: a leaf tensor that requires grad (by default) and that a
 * {@link Module} registers as a parameter. It shares storage with the tensor it wraps.
 */
public class Parameter extends Tensor {
    /** {@code nn.Parameter(data)}: requires grad. */
    public Parameter(Tensor data) {
        this(data, true);
    }

    /** {@code nn.Parameter(data, requires_grad)}. */
    public Parameter(Tensor data, boolean requiresGrad) {
        super(data.detach());
        requiresGrad_(requiresGrad);
    }

    /** As PyTorch prints it: {@code Parameter containing:} then the tensor. */
    @Override
    public String toString() {
        return "Parameter containing:\n" + tensorRepr();
    }
}
