package dev.jtorch.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.jtorch.Tensor;
import dev.jtorch.Torch;
import dev.jtorch.autograd.HookHandle;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code register_forward_pre_hook} / {@code register_forward_hook} as {@code Module.__call__} runs them. */
class ModuleHooksTest {

    @Test
    void preHooksReplaceInputsAndHooksReplaceTheOutputInRegistrationOrder() {
        ReLU relu = new ReLU();
        List<String> calls = new ArrayList<>();
        relu.registerForwardPreHook((m, in) -> {
            calls.add("pre1");
            return new Tensor[] {in[0].neg()};
        });
        relu.registerForwardPreHook((m, in) -> {
            calls.add("pre2");
            return null; // keeps the negated input
        });
        relu.registerForwardHook((m, in, out) -> {
            calls.add("hook1");
            assertArrayEquals(new float[] {1f, -2f}, in[0].toFloatArray()); // the replaced input
            assertArrayEquals(new float[] {1f, 0f}, out.toFloatArray());
            return out.mul(10);
        });
        relu.registerForwardHook((m, in, out) -> {
            calls.add("hook2");
            assertSame(relu, m);
            assertArrayEquals(new float[] {10f, 0f}, out.toFloatArray()); // the first hook's output
            return null;
        });

        Tensor y = relu.call(Torch.tensor(new float[] {-1f, 2f}));

        assertArrayEquals(new float[] {10f, 0f}, y.toFloatArray());
        assertEquals(List.of("pre1", "pre2", "hook1", "hook2"), calls);
    }

    @Test
    void aHookRemovingItselfDuringTheCallStillLetsTheOthersRunAndIsGoneAfterwards() {
        ReLU relu = new ReLU();
        List<String> calls = new ArrayList<>();
        HookHandle[] self = new HookHandle[1];
        self[0] = relu.registerForwardHook((m, in, out) -> {
            calls.add("once");
            self[0].remove();
            return null;
        });
        relu.registerForwardHook((m, in, out) -> {
            calls.add("always");
            return null;
        });

        relu.call(Torch.tensor(new float[] {1f}));
        relu.call(Torch.tensor(new float[] {1f}));

        assertEquals(List.of("once", "always", "always"), calls);
    }

    @Test
    void removedHooksNoLongerRunAndSequentialChildrenRunTheirOwnHooks() {
        ReLU inner = new ReLU();
        Sequential seq = new Sequential(inner);
        List<String> calls = new ArrayList<>();
        HookHandle pre = inner.registerForwardPreHook((m, in) -> {
            calls.add("inner pre");
            return null;
        });
        seq.registerForwardHook((m, in, out) -> {
            calls.add("seq hook");
            return null;
        });

        seq.call(Torch.tensor(new float[] {1f}));
        pre.remove();
        pre.remove(); // a second remove is harmless
        seq.call(Torch.tensor(new float[] {1f}));

        assertEquals(List.of("inner pre", "seq hook", "seq hook"), calls);
    }
}
