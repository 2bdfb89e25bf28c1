package dev.jtorch.autograd;

import dev.jtorch.Tensor;
import java.util.Arrays;

/** {@code torch.autograd}: {@link #backward} and {@link #grad}. */
public final class Autograd {
    private Autograd() {}

    /**
     * {@code torch.autograd.backward(tensors, grad_tensors, retain_graph, create_graph)}: accumulates
     * gradients into the leaves' {@code grad}. A null gradient is allowed only for scalar outputs.
     */
    public static void backward(Tensor[] tensors, Tensor[] gradTensors, boolean retainGraph, boolean createGraph) {
        Tensor[] grads = makeGrads(tensors, gradTensors);
        Engine.run(tensors, grads, retainGraph, createGraph, null);
    }

    /**
     * {@code torch.autograd.grad(outputs, inputs, grad_outputs, retain_graph, create_graph, allow_unused)}:
     * the gradients of {@code outputs} with respect to {@code inputs}, without touching any
     * {@code grad}. {@code retainGraph} null means "same as createGraph", as in PyTorch.
     */
    public static Tensor[] grad(Tensor[] outputs, Tensor[] inputs, Tensor[] gradOutputs, Boolean retainGraph,
            boolean createGraph, boolean allowUnused) {
        Tensor[] grads = makeGrads(outputs, gradOutputs);
        boolean retain = retainGraph == null ? createGraph : retainGraph;
        Tensor[] result = Engine.run(outputs, grads, retain, createGraph, inputs);
        for (int i = 0; i < result.length; i++) {
            if (result[i] == null && !allowUnused) {
                throw new IllegalStateException("One of the differentiated Tensors appears to not have been used in the "
                        + "graph. Set allow_unused=True if this is the desired behavior.");
            }
        }
        return result;
    }

    /** {@code torch.autograd.grad(output, input)} for one scalar output and one input. */
    public static Tensor grad(Tensor output, Tensor input) {
        return grad(new Tensor[] {output}, new Tensor[] {input}, null, null, false, false)[0];
    }

    /** {@code torch.autograd.grad(outputs, inputs)} with defaults. */
    public static Tensor[] grad(Tensor[] outputs, Tensor[] inputs) {
        return grad(outputs, inputs, null, null, false, false);
    }

    private static Tensor[] makeGrads(Tensor[] outputs, Tensor[] given) {
        if (given != null && given.length != outputs.length) {
            throw new IllegalArgumentException("grad requires one gradient per output: got " + given.length
                    + " gradients for " + outputs.length + " outputs");
        }
        Tensor[] grads = new Tensor[outputs.length];
        for (int i = 0; i < outputs.length; i++) {
            Tensor out = outputs[i];
            if (!out.requiresGrad()) {
                throw new IllegalStateException("element " + i + " of tensors does not require grad and does not have a grad_fn");
            }
            Tensor g = given == null ? null : given[i];
            if (g == null) {
                if (out.numel() != 1) {
                    throw new IllegalStateException("grad can be implicitly created only for scalar outputs");
                }
                g = Tensor.onesLike(out);
            } else if (!Arrays.equals(g.sizes(), out.sizes())) {
                throw new IllegalArgumentException("Mismatch in shape: grad_output[" + i + "] has a shape of "
                        + "torch.Size(" + Arrays.toString(g.sizes()) + ") and output[" + i + "] has a shape of "
                        + "torch.Size(" + Arrays.toString(out.sizes()) + ").");
            }
            grads[i] = g;
        }
        return grads;
    }
}
