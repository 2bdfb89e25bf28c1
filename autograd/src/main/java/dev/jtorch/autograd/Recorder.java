package dev.jtorch.autograd;

import dev.jtorch.Tensor;
import dev.jtorch.autograd.ViewMeta.CreationMeta;

/** Runs a function's forward and records its node: the one place where the graph grows. */
final class Recorder {
    private Recorder() {}

    static Tensor apply(Function fn, Tensor[] inputs) {
        boolean grad = GradMode.isEnabled();
        boolean record = grad && anyRequiresGrad(inputs);
        Context ctx = new Context(needs(inputs, record));
        Edge[] edges = record ? edges(inputs) : null;
        Tensor out;
        try (GradMode.Guard ignored = GradMode.noGrad()) {
            out = fn.forward(ctx, inputs);
        }
        Tensor[] outs = {out};
        finish(fn, fn.name(), ctx, grad, record, false, edges, inputs, outs);
        return outs[0];
    }

    static Tensor[] apply(MultiOutputFunction fn, Tensor[] inputs) {
        boolean grad = GradMode.isEnabled();
        boolean record = grad && anyRequiresGrad(inputs);
        Context ctx = new Context(needs(inputs, record));
        Edge[] edges = record ? edges(inputs) : null;
        Tensor[] outs;
        try (GradMode.Guard ignored = GradMode.noGrad()) {
            outs = fn.forward(ctx, inputs).clone();
        }
        finish(fn, fn.name(), ctx, grad, record, true, edges, inputs, outs);
        return outs;
    }

    private static void finish(Object fn, String name, Context ctx, boolean grad, boolean record, boolean multi,
            Edge[] edges, Tensor[] inputs, Tensor[] outs) {
        int differentiable = differentiableOutputs(ctx, outs);
        finishViews(ctx, grad, multi, differentiable, inputs, outs);
        finishDirty(ctx, record, outs);
        ctx.refreshDirtySaved();
        if (record) {
            attach(new FunctionNode(fn, name, ctx, edges, inputs, outs), ctx, outs, inputs,
                    multi && differentiable > 1 ? CreationMeta.MULTI_OUTPUT_NODE : CreationMeta.IN_CUSTOM_FUNCTION);
        }
    }

    private static boolean anyRequiresGrad(Tensor[] inputs) {
        for (Tensor t : inputs) {
            if (t != null && t.requiresGrad()) {
                return true;
            }
        }
        return false;
    }

    /** All-false needs_input_grad flags by input count, shared by the ops that do not record (never written). */
    private static final boolean[][] NONE_NEEDED = new boolean[8][];

    static {
        for (int i = 0; i < NONE_NEEDED.length; i++) {
            NONE_NEEDED[i] = new boolean[i];
        }
    }

    private static boolean[] needs(Tensor[] inputs, boolean record) {
        if (!record && inputs.length < NONE_NEEDED.length) {
            return NONE_NEEDED[inputs.length];
        }
        boolean[] n = new boolean[inputs.length];
        if (record) {
            for (int i = 0; i < inputs.length; i++) {
                n[i] = inputs[i] != null && inputs[i].requiresGrad();
            }
        }
        return n;
    }

    /**
     * Where each input's gradient goes ({@code gradient_edge}): its producer's node, or its leaf
     * accumulator; none for a view made under no_grad, which requires grad only through its base.
     */
    static Edge[] edges(Tensor[] inputs) {
        Edge[] e = new Edge[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            Tensor t = inputs[i];
            if (t != null && t.requiresGrad()) {
                e[i] = edgeOf(t);
            }
        }
        return e;
    }

    private static Edge edgeOf(Tensor t) {
        AutogradMeta m = t.autogradMeta();
        Node fn = m.gradFn();
        if (fn != null) {
            return new Edge(fn, m.outputNr);
        }
        return m.ownRequiresGrad() ? new Edge(AccumulateGrad.of(t), 0) : null;
    }

    private static int differentiableOutputs(Context ctx, Tensor[] outs) {
        int n = 0;
        for (Tensor o : outs) {
            if (o != null && !ctx.nonDifferentiable.contains(o) && o.dtype().isFloatingPoint()) {
                n++;
            }
        }
        return n;
    }

    /**
     * Fixes how each view among the outputs was created (PyTorch's CreationMeta): a view made by
     * this op is a plain view in grad mode (one of several for multi-output ops) and a no_grad
     * view otherwise; a view made earlier and returned by a user-defined function is that
     * function's output, so the function's backward, not CopySlices, would have to handle
     * in-place changes to it: those are forbidden.
     */
    private static void finishViews(Context ctx, boolean grad, boolean multi, int differentiable, Tensor[] inputs,
            Tensor[] outs) {
        for (Tensor o : outs) {
            if (o == null || o.base() == null || ctx.dirty.contains(o) || isInput(o, inputs)) {
                continue;
            }
            ViewMeta v = o.autogradMeta().view;
            if (v == null) {
                continue;
            }
            if (v.creation == null) {
                v.resolve(!grad ? CreationMeta.NO_GRAD_MODE : multi ? CreationMeta.MULTI_OUTPUT_NODE : CreationMeta.DEFAULT);
            } else {
                v.creation = multi && differentiable > 1 ? CreationMeta.MULTI_OUTPUT_NODE : CreationMeta.IN_CUSTOM_FUNCTION;
            }
        }
    }

    private static boolean isInput(Tensor o, Tensor[] inputs) {
        for (Tensor in : inputs) {
            if (o == in) {
                return true;
            }
        }
        return false;
    }

    /** In-place outputs: PyTorch's check_inplace (for user functions, after the fact), then bump versions. */
    private static void finishDirty(Context ctx, boolean record, Tensor[] outs) {
        for (Tensor d : ctx.dirty) {
            ViewMeta.checkInplace(d, record);
            d.bumpVersion();
        }
    }

    private static void attach(FunctionNode node, Context ctx, Tensor[] outs, Tensor[] inputs, CreationMeta aliasMeta) {
        for (int i = 0; i < outs.length; i++) {
            Tensor o = outs[i];
            if (ctx.nonDifferentiable.contains(o)) {
                continue;
            }
            if (ctx.dirty.contains(o)) {
                rebaseHistory(o, node, i);
                continue;
            }
            if (isInput(o, inputs)) {
                // forward returned an input unchanged: give the output its own identity (PyTorch makes a view)
                o = o.aliasForOutput();
                o.autogradMeta().view.creation = aliasMeta;
                outs[i] = o;
            }
            o.autogradMeta().setGradFn(node, i);
        }
    }

    /**
     * PyTorch's rebase_history: a tensor modified in place gets the op's node as its grad_fn,
     * unless it is a view; then the base gets a {@link CopySlices} wrapping the node, and the
     * view's grad_fn is regenerated from the base. A retain_grad hook follows the tensor.
     */
    private static void rebaseHistory(Tensor self, FunctionNode node, int nr) {
        AutogradMeta m = self.autogradMeta();
        ViewMeta v = m.view;
        if (v != null) {
            if (node.numOutputs() != 1) {
                throw new IllegalStateException("Functions which modify views in-place must return a single Variable");
            }
            Tensor base = v.base;
            AutogradMeta bm = base.autogradMeta();
            Node oldBase = bm.gradFn();
            int oldBaseNr = bm.outputNr;
            CopySlices cs = new CopySlices(base, self, node, base.requiresGrad() ? edgeOf(base) : null);
            bm.setGradFn(cs, 0);
            if (bm.retainsGrad && oldBase != null) {
                cs.setRetainGradHook(0, oldBase.popRetainGradHook(oldBaseNr));
            }
            m.outputNr = 0;
            self.gradFn();
            return;
        }
        Node old = m.gradFn;
        int oldNr = m.outputNr;
        m.setGradFn(node, nr);
        if (m.retainsGrad && old != null) {
            node.setRetainGradHook(nr, old.popRetainGradHook(oldNr));
        }
    }
}
