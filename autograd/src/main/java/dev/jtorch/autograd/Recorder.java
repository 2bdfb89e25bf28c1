package dev.jtorch.autograd;

import dev.jtorch.Tensor;

/** Runs a function's forward and records its node: the one place where the graph grows. */
final class Recorder {
    private Recorder() {}

    static Tensor apply(Function fn, Tensor[] inputs) {
        boolean record = GradMode.isEnabled() && anyRequiresGrad(inputs);
        Context ctx = new Context(needs(inputs, record));
        Edge[] edges = record ? edges(inputs) : null;
        Tensor out;
        try (GradMode.Guard ignored = GradMode.noGrad()) {
            out = fn.forward(ctx, inputs);
        }
        Tensor[] outs = {out};
        finishDirty(ctx, record, outs);
        ctx.refreshDirtySaved();
        if (record) {
            attach(new FunctionNode(fn, fn.name(), ctx, edges, inputs, outs), ctx, outs, inputs);
        }
        return outs[0];
    }

    static Tensor[] apply(MultiOutputFunction fn, Tensor[] inputs) {
        boolean record = GradMode.isEnabled() && anyRequiresGrad(inputs);
        Context ctx = new Context(needs(inputs, record));
        Edge[] edges = record ? edges(inputs) : null;
        Tensor[] outs;
        try (GradMode.Guard ignored = GradMode.noGrad()) {
            outs = fn.forward(ctx, inputs).clone();
        }
        finishDirty(ctx, record, outs);
        ctx.refreshDirtySaved();
        if (record) {
            attach(new FunctionNode(fn, fn.name(), ctx, edges, inputs, outs), ctx, outs, inputs);
        }
        return outs;
    }

    private static boolean anyRequiresGrad(Tensor[] inputs) {
        for (Tensor t : inputs) {
            if (t != null && t.requiresGrad()) {
                return true;
            }
        }
        return false;
    }

    private static boolean[] needs(Tensor[] inputs, boolean record) {
        boolean[] n = new boolean[inputs.length];
        if (record) {
            for (int i = 0; i < inputs.length; i++) {
                n[i] = inputs[i] != null && inputs[i].requiresGrad();
            }
        }
        return n;
    }

    /** Where each input's gradient goes: its producer's node, or its leaf accumulator. */
    static Edge[] edges(Tensor[] inputs) {
        Edge[] e = new Edge[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            Tensor t = inputs[i];
            if (t == null || !t.requiresGrad()) {
                continue;
            }
            AutogradMeta m = t.autogradMeta();
            e[i] = m.gradFn != null ? new Edge(m.gradFn, m.outputNr) : new Edge(AccumulateGrad.of(t), 0);
        }
        return e;
    }

    /** In-place outputs: bump versions; a leaf that requires grad may not be modified while recording. */
    private static void finishDirty(Context ctx, boolean record, Tensor[] outs) {
        for (Tensor d : ctx.dirty) {
            if (record && d.isLeaf() && d.requiresGrad()) {
                throw new IllegalStateException("a leaf Variable that requires grad is being used in an in-place operation.");
            }
            d.bumpVersion();
        }
    }

    private static void attach(FunctionNode node, Context ctx, Tensor[] outs, Tensor[] inputs) {
        for (int i = 0; i < outs.length; i++) {
            Tensor o = outs[i];
            if (ctx.nonDifferentiable.contains(o)) {
                continue;
            }
            if (!ctx.dirty.contains(o)) {
                for (Tensor in : inputs) {
                    if (o == in) {
                        // forward returned an input unchanged: give the output its own identity (PyTorch makes a view)
                        o = o.aliasForOutput();
                        outs[i] = o;
                        break;
                    }
                }
            }
            AutogradMeta m = o.autogradMeta();
            m.setGradFn(node, i);
        }
    }
}
