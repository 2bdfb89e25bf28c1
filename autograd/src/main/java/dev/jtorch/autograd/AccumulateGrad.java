package dev.jtorch.autograd;

import dev.jtorch.Tensor;
import java.util.function.UnaryOperator;

/**
 * The node that adds an incoming gradient into a leaf's {@code grad} ({@code AccumulateGrad}).
 * The first gradient is stored as a copy, so two leaves never share one gradient tensor and
 * in-place changes to one {@code grad} (clipping, {@code zero_()}) never reach another; later
 * gradients are added in place, or out of place under {@code createGraph} so the sum stays
 * differentiable.
 */
public final class AccumulateGrad extends Node {
    private final Tensor variable;

    AccumulateGrad(Tensor variable) {
        super(new Edge[0]);
        this.variable = variable;
    }

    /** The leaf this node accumulates into ({@code grad_fn.next_functions[i][0].variable}). */
    public Tensor variable() {
        return variable;
    }

    @Override
    public String name() {
        return "AccumulateGrad";
    }

    @Override
    int numOutputs() {
        return 1;
    }

    @Override
    Tensor[] apply(Tensor[] grads, boolean createGraph) {
        Tensor g = grads[0];
        AutogradMeta meta = variable.autogradMeta();
        if (meta.leafHooks != null) {
            for (UnaryOperator<Tensor> h : meta.leafHooks) {
                Tensor r = h.apply(g);
                if (r != null) {
                    g = r;
                }
            }
        }
        if (g == null) {
            return new Tensor[0];
        }
        Tensor old = meta.grad;
        if (old == null) {
            // without createGraph this runs under no-grad: a plain copy of the array is what detach().clone() records
            meta.grad = createGraph ? g : new Tensor(g.array().clone());
        } else if (createGraph) {
            meta.grad = old.add(g);
        } else {
            try (GradMode.Guard ignored = GradMode.noGrad()) {
                old.add_(g);
            }
        }
        return new Tensor[0];
    }

    /** The accumulator of a leaf that requires grad, created once and kept by the leaf. */
    static AccumulateGrad of(Tensor leaf) {
        AutogradMeta meta = leaf.autogradMeta();
        if (meta.accumulator == null) {
            meta.accumulator = new AccumulateGrad(leaf);
        }
        return meta.accumulator;
    }
}
