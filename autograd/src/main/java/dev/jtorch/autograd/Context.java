package dev.jtorch.autograd;

import dev.jtorch.Tensor;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * What a {@link Function} keeps between forward and backward, PyTorch's {@code ctx}
 * ({@code FunctionCtx}): tensors saved for backward (checked against in-place changes),
 * which inputs need a gradient, and which outputs are dirty (modified in place) or not
 * differentiable. Non-tensor state belongs in the function object's own fields.
 */
public final class Context {
    /** PyTorch's ERR_BACKWARD_TWICE. */
    static final String BACKWARD_TWICE = "Trying to backward through the graph a second time (or directly access "
            + "saved tensors after they have already been freed). Saved intermediate values of the graph are "
            + "freed when you call .backward() or autograd.grad(). Specify retain_graph=True if you need to "
            + "backward through the graph a second time or if you need to access saved tensors after calling "
            + "backward.";

    private final boolean[] needsInputGrad;
    private SavedTensor[] saved;
    private boolean released;
    Set<Tensor> dirty = Collections.emptySet();
    Set<Tensor> nonDifferentiable = Collections.emptySet();
    boolean materializeGrads = true;
    String ownerName = "Function";

    Context(boolean[] needsInputGrad) {
        this.needsInputGrad = needsInputGrad;
    }

    /** {@code ctx.save_for_backward(*tensors)}; null entries are kept as null. */
    public void saveForBackward(Tensor... tensors) {
        saved = new SavedTensor[tensors.length];
        for (int i = 0; i < tensors.length; i++) {
            saved[i] = tensors[i] == null ? null : new SavedTensor(tensors[i]);
        }
    }

    /**
     * {@code ctx.saved_tensors}. Raises PyTorch's errors when the graph was already freed by a
     * previous backward, or when a saved tensor was modified in place since it was saved.
     */
    public Tensor[] savedTensors() {
        if (released) {
            throw new IllegalStateException(BACKWARD_TWICE);
        }
        if (saved == null) {
            return new Tensor[0];
        }
        Tensor[] out = new Tensor[saved.length];
        for (int i = 0; i < saved.length; i++) {
            out[i] = saved[i] == null ? null : saved[i].unpack(null);
        }
        return out;
    }

    /** {@code ctx.needs_input_grad[i]}. */
    public boolean needsInputGrad(int i) {
        return needsInputGrad[i];
    }

    /** {@code ctx.mark_dirty(*tensors)}: these inputs were modified in place by forward. */
    public void markDirty(Tensor... tensors) {
        dirty = identitySet(tensors);
    }

    /** {@code ctx.mark_non_differentiable(*outputs)}. */
    public void markNonDifferentiable(Tensor... outputs) {
        nonDifferentiable = identitySet(outputs);
    }

    /** {@code ctx.set_materialize_grads(value)}: whether missing output grads arrive as zeros (default) or null. */
    public void setMaterializeGrads(boolean value) {
        materializeGrads = value;
    }

    /**
     * PyTorch saves variables after wrapping the outputs, i.e. after dirty inputs had their version
     * bumped: a dirty input saved in forward (an in-place op saving its own result) must record the
     * bumped version, or backward would report it as modified.
     */
    void refreshDirtySaved() {
        if (saved == null || dirty.isEmpty()) {
            return;
        }
        for (int i = 0; i < saved.length; i++) {
            if (saved[i] != null && dirty.contains(saved[i].tensor)) {
                saved[i] = new SavedTensor(saved[i].tensor);
            }
        }
    }

    void release() {
        if (saved != null) {
            released = true;
            saved = null;
        }
    }

    private static Set<Tensor> identitySet(Tensor[] ts) {
        if (ts.length == 1) {
            // the common case (every in-place op marks its self); Tensor keeps Object's identity equals
            return Collections.singleton(ts[0]);
        }
        Set<Tensor> s = Collections.newSetFromMap(new IdentityHashMap<>());
        Collections.addAll(s, ts);
        return s;
    }
}
