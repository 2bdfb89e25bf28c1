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
    /** Set when the tensor is a differentiable view. */
    ViewMeta view;

    /**
     * {@code tensor.requires_grad}: a view also requires grad when its base does (even a view
     * made under no_grad, as in PyTorch).
     */
    public boolean requiresGrad() {
        return requiresGrad || gradFn != null || view != null && view.base.requiresGrad();
    }

    /** The leaf flag alone ({@code requires_grad_}), without what a view inherits from its base. */
    boolean ownRequiresGrad() {
        return requiresGrad;
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

    /**
     * {@code tensor.grad_fn}, or null for leaves. For a view whose base (or another view of it)
     * was modified in place since the node was set, the node is first regenerated as an
     * {@code as_strided} of the base, or PyTorch's error is raised when the view may not be
     * modified in place.
     */
    public Node gradFn() {
        if (view != null) {
            view.refresh(this);
        }
        return gradFn;
    }

    /** The differentiable-view state of this tensor, or null when it is not such a view. */
    public ViewMeta viewMeta() {
        return view;
    }

    /**
     * Makes the tensor owning this meta ({@code self}) a differentiable view of {@code root};
     * {@code parent} is the tensor it was viewed from, whose creation restrictions it inherits.
     * Called by the view ops (internal).
     */
    public void markView(Tensor self, Tensor root, Tensor parent) {
        markView(self, root, parent.autogradMeta().view);
    }

    /**
     * {@link #markView(Tensor, Tensor, Tensor)} given the parent's view state ({@code null} when the
     * parent is not a view), so a parent without autograd state does not get one made for it.
     */
    public void markView(Tensor self, Tensor root, ViewMeta parentView) {
        view = new ViewMeta(self, root, parentView == null ? ViewMeta.CreationMeta.DEFAULT : parentView.creationMeta());
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
        if (view != null) {
            view.attrVersion = view.self.version();
        }
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
