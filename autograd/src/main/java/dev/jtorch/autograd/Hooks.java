package dev.jtorch.autograd;

import dev.jtorch.Tensor;
import java.util.List;
import java.util.function.UnaryOperator;

/** Tensor gradient hooks and {@code retain_grad}, attached to the node that receives the gradient. */
public final class Hooks {
    private Hooks() {}

    /** {@code tensor.register_hook(hook)}. */
    public static HookHandle register(Tensor t, UnaryOperator<Tensor> hook) {
        AutogradMeta m = t.autogradMeta();
        Node n = m.gradFn();
        if (n == null) {
            m.addLeafHook(hook);
            return new HookHandle(() -> m.leafHooks.remove(hook));
        }
        int nr = m.outputNr;
        n.addPreHook(nr, hook);
        return new HookHandle(() -> {
            List<UnaryOperator<Tensor>> l = n.preHooks[nr];
            l.remove(hook);
        });
    }

    /** {@code tensor.retain_grad()} on a non-leaf: its gradient is kept in {@code grad}. */
    public static void retainGrad(Tensor t) {
        AutogradMeta m = t.autogradMeta();
        m.retainsGrad = true;
        m.gradFn().setRetainGradHook(m.outputNr, g -> {
            Tensor old = m.grad;
            if (GradMode.isEnabled()) {
                m.grad = old == null ? g : old.add(g);
            } else {
                m.grad = old == null ? g.detach().clone() : old.add(g);
            }
            return null;
        });
    }
}
