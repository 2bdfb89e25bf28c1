package dev.jtorch.autograd;

import dev.jtorch.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A tensor's autograd state, PyTorch's {@code AutogradMeta}: whether it requires grad, its
 * accumulated {@code grad}, the node that produced it and which output of that node it is, and
 * (for leaves) the lazily created {@link AccumulateGrad} node and gradient hooks. Internal to
 * jtorch; users go through {@link Tensor}'s methods.
 */
public final class AutogradMeta {
    boolean requiresGrad;
    Tensor grad;
    Node gradFn;
    int outputNr;
    boolean retainsGrad;
    AccumulateGrad accumulator;
    List<UnaryOperator<Tensor>> leafHooks;

    /** {@code tensor.requires_grad}. */
    public boolean requiresGrad() {
        return requiresGrad || gradFn != null;
    }

    /** Sets the flag of a leaf. */
    public void setRequiresGrad(boolean value) {
        requiresGrad = value;
    }

    /** {@code tensor.grad}. */
    public Tensor grad() {
        return grad;
    }

    /** {@code tensor.grad = value}. */
    public void setGrad(Tensor value) {
        grad = value;
    }

    /** {@code tensor.grad_fn}, or null for leaves. */
    public Node gradFn() {
        return gradFn;
    }

    /** {@code tensor.output_nr}. */
    public int outputNr() {
        return outputNr;
    }

    /** True after {@code retain_grad()} on a non-leaf. */
    public boolean retainsGrad() {
        return retainsGrad;
    }

    /** Makes this tensor the {@code outputNr}-th output of {@code node}. */
    public void setGradFn(Node node, int outputNr) {
        this.gradFn = node;
        this.outputNr = outputNr;
    }

    /** Detaches from the graph ({@code detach_()}). */
    public void clearGradFn() {
        gradFn = null;
        outputNr = 0;
    }

    void addLeafHook(UnaryOperator<Tensor> hook) {
        if (leafHooks == null) {
            leafHooks = new ArrayList<>();
        }
        leafHooks.add(hook);
    }
}
