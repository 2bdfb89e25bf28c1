package dev.jtorch.autograd;

import dev.jtorch.Tensor;

/**
 * What autograd knows about a differentiable view, PyTorch's {@code DifferentiableViewMeta}: the
 * root tensor it views ({@code _base}), how it was created (which decides whether it may be
 * modified in place) and the version at which its {@code grad_fn} was last set.
 *
 * <p>An in-place op on a view gives the base a {@link CopySlices} node; the view's own
 * {@code grad_fn} is then stale and is regenerated lazily, the next time it is read, as an
 * {@code as_strided} of the base ({@code AsStridedBackward0}). The same happens to every other
 * view of that base, and to the views of a base modified in place: a view's {@code grad_fn} is
 * stale exactly when the shared version counter moved since it was set.
 */
public final class ViewMeta {
    /** PyTorch's {@code CreationMeta}: how a view was made, which decides whether in-place changes are allowed. */
    public enum CreationMeta {
        /** A view op run in grad mode: in-place changes are tracked with {@link CopySlices}. */
        DEFAULT,
        /** Returned by a user-defined {@link Function} (or an input returned as-is). */
        IN_CUSTOM_FUNCTION,
        /** One of several views returned by one op ({@code split}, {@code unbind}, {@code chunk}). */
        MULTI_OUTPUT_NODE,
        /** Made under {@code no_grad}. */
        NO_GRAD_MODE
    }

    final Tensor self;
    final Tensor base;
    /** The creation meta of the tensor this one was viewed from (propagated to views of views). */
    private final CreationMeta inherited;
    /** Null until the recorder has seen the op that made the view. */
    CreationMeta creation;
    int attrVersion;

    ViewMeta(Tensor self, Tensor base, CreationMeta inherited) {
        this.self = self;
        this.base = base;
        this.inherited = inherited;
        this.attrVersion = self.version();
    }

    /** {@code tensor._base}: the root tensor this view shares storage with. */
    public Tensor base() {
        return base;
    }

    /** How this view was created (DEFAULT until its op has been recorded). */
    public CreationMeta creationMeta() {
        return creation == null ? CreationMeta.DEFAULT : creation;
    }

    /** PyTorch's propagate_creation_meta: a plain view of a restricted view stays restricted. */
    void resolve(CreationMeta made) {
        creation = made == CreationMeta.DEFAULT ? inherited : made;
    }

    /**
     * PyTorch's check_inplace, before an in-place op writes into {@code t}; {@code requiresGrad}
     * says whether the op records (grad mode on and some input requires grad). Raises PyTorch's
     * errors for views that may not be modified in place, views of leaves and leaves.
     */
    public static void checkInplace(Tensor t, boolean requiresGrad) {
        if (!requiresGrad) {
            return;
        }
        ViewMeta v = of(t);
        if (v != null) {
            if (v.creationMeta() != CreationMeta.DEFAULT) {
                throw v.rebaseError(false);
            }
            if (t.requiresGrad() && v.base.isLeaf()) {
                throw new IllegalStateException(
                        "a view of a leaf Variable that requires grad is being used in an in-place operation.");
            }
        }
        if (t.requiresGrad() && t.isLeaf()) {
            throw new IllegalStateException("a leaf Variable that requires grad is being used in an in-place operation.");
        }
    }

    /** The view meta of {@code t}, or null when it is not a differentiable view. */
    static ViewMeta of(Tensor t) {
        return t.base() == null ? null : t.autogradMeta().view;
    }

    /**
     * PyTorch's VariableHooks::grad_fn for views: after the base or any view of it was modified in
     * place, the view's node is replaced by an {@code as_strided} of the base.
     */
    void refresh(AutogradMeta m) {
        if (m.gradFn == null && !base.requiresGrad()) {
            return;
        }
        int now = self.version();
        if (attrVersion == now) {
            return;
        }
        if (creationMeta() != CreationMeta.DEFAULT) {
            throw rebaseError(true);
        }
        Node old = m.gradFn;
        int oldNr = m.outputNr;
        Tensor regenerated;
        try (GradMode.Guard g = GradMode.enableGrad()) {
            regenerated = base.asStrided(self.sizes(), self.stride(), self.array().storageOffset());
        }
        AutogradMeta r = regenerated.autogradMeta();
        m.gradFn = r.gradFn;
        m.outputNr = 0;
        attrVersion = now;
        if (m.retainsGrad && old != null && m.gradFn != null) {
            m.gradFn.setRetainGradHook(0, old.popRetainGradHook(oldNr));
        }
    }

    /** PyTorch's handle_view_on_rebase message for a view whose creation forbids in-place changes. */
    IllegalStateException rebaseError(boolean indirect) {
        AutogradMeta m = self.autogradMeta();
        Node fn = m.gradFn;
        CreationMeta c = creationMeta();
        String modified = indirect ? "its base or another view of its base has been" : "is being";
        String msg;
        if (c == CreationMeta.NO_GRAD_MODE || fn == null) {
            String prefix = fn != null
                    ? "Output " + m.outputNr + " of " + fn.name() + " is a view of a view which was created in"
                    : "A view was created in";
            msg = prefix + " no_grad mode and " + modified + " modified inplace with grad mode enabled.";
        } else {
            msg = "Output " + m.outputNr + " of " + fn.name() + " is a view and " + modified + " modified inplace.";
        }
        switch (c) {
            case MULTI_OUTPUT_NODE:
                msg += " This view is the output of a function that returns multiple views. Such functions do not"
                        + " allow the output views to be modified inplace. You should replace the inplace operation by an"
                        + " out-of-place one.";
                break;
            case NO_GRAD_MODE:
                msg += " Given that this use case is ambiguous and error-prone, it is forbidden."
                        + " You can clarify your code by moving both the view and the inplace either both"
                        + " inside the no_grad block (if you don't want the inplace to be tracked) or both outside (if you"
                        + " want the inplace to be tracked).";
                break;
            default:
                msg += " This view was created inside a custom Function (or because an input was returned as-is) and"
                        + " the autograd logic to handle view+inplace would override the custom backward associated with"
                        + " the custom Function, leading to incorrect gradients. This behavior is forbidden. You can fix"
                        + " this by cloning the output of the custom Function.";
                break;
        }
        return new IllegalStateException(msg);
    }
}
