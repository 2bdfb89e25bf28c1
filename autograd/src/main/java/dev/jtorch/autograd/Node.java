package dev.jtorch.autograd;

import dev.jtorch.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * A node of the backward graph, PyTorch's {@code grad_fn} ({@code torch.autograd.graph.Node}).
 * Nodes are created by {@link Function#apply} and {@link AccumulateGrad}; the engine runs them in
 * reverse creation order (PyTorch's sequence numbers), so gradients add up in PyTorch's order.
 */
public abstract class Node {
    private static final AtomicLong SEQUENCE = new AtomicLong();

    final long sequenceNr = SEQUENCE.getAndIncrement();
    final Edge[] next;
    /** Hooks on the gradient of each output, run before the node (tensor hooks of non-leaf outputs). */
    List<UnaryOperator<Tensor>>[] preHooks;
    /** retain_grad hooks: run after all tensor hooks, as in PyTorch. */
    UnaryOperator<Tensor>[] retainGradHooks;

    Node(Edge[] next) {
        this.next = next;
    }

    /** PyTorch's class name of this node, e.g. {@code MulBackward0}. */
    public abstract String name();

    /** {@code grad_fn.next_functions}: one edge per input (null where the input needs no gradient). */
    public List<Edge> nextFunctions() {
        List<Edge> l = new ArrayList<>(next.length);
        Collections.addAll(l, next);
        return Collections.unmodifiableList(l);
    }

    /** Number of outputs whose gradients this node receives. */
    abstract int numOutputs();

    /** Gradients for each input from gradients of each output. */
    abstract Tensor[] apply(Tensor[] gradOutputs, boolean createGraph);

    /** Frees saved tensors after a backward without {@code retainGraph}. */
    void release() {}

    @SuppressWarnings("unchecked")
    void setRetainGradHook(int output, UnaryOperator<Tensor> hook) {
        if (retainGradHooks == null) {
            retainGradHooks = new UnaryOperator[numOutputs()];
        }
        retainGradHooks[output] = hook;
    }

    /** Removes and returns the retain_grad hook of {@code output} (it moves to a tensor's new node). */
    UnaryOperator<Tensor> popRetainGradHook(int output) {
        if (retainGradHooks == null || output >= retainGradHooks.length) {
            return null;
        }
        UnaryOperator<Tensor> h = retainGradHooks[output];
        retainGradHooks[output] = null;
        return h;
    }

    @SuppressWarnings("unchecked")
    void addPreHook(int output, UnaryOperator<Tensor> hook) {
        if (preHooks == null) {
            preHooks = new List[numOutputs()];
        }
        if (preHooks[output] == null) {
            preHooks[output] = new ArrayList<>();
        }
        preHooks[output].add(hook);
    }

    /** As PyTorch prints a node: {@code <MulBackward0 object>}. */
    @Override
    public String toString() {
        return "<" + name() + " object>";
    }
}
