package dev.jtorch.testing;

import dev.jtorch.Tensor;
import dev.jtorch.autograd.GradCheck;
import java.util.Arrays;

/**
 * Turns "this op" into a gradient property: the analytical gradient must match central finite
 * differences ({@link GradCheck}), and for smooth ops so must the second derivatives. On failure
 * the message carries the inputs (shape and values), which jqwik also prints after shrinking.
 */
public final class GradientProperties {
    private GradientProperties() {}

    /** An op under test: inputs to one output. */
    @FunctionalInterface
    public interface Op {
        Tensor apply(Tensor... inputs);
    }

    /** First derivatives match finite differences (float64 inputs recommended). */
    public static void assertGradcheck(Op op, Tensor... inputs) {
        try {
            GradCheck.gradcheck(in -> new Tensor[] {op.apply(in)}, inputs, 1e-6, 1e-5, 1e-3);
        } catch (GradCheck.GradcheckError e) {
            throw new AssertionError(e.getMessage() + "\ninputs: " + describe(inputs), e);
        }
    }

    /** First and second derivatives match finite differences. */
    public static void assertGradgradcheck(Op op, Tensor... inputs) {
        assertGradcheck(op, inputs);
        try {
            GradCheck.gradgradcheck(in -> new Tensor[] {op.apply(in)}, inputs, 1e-6, 1e-5, 1e-3, 0);
        } catch (GradCheck.GradcheckError e) {
            throw new AssertionError("second derivatives: " + e.getMessage() + "\ninputs: " + describe(inputs), e);
        }
    }

    static String describe(Tensor[] inputs) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < inputs.length; i++) {
            Tensor t = inputs[i];
            sb.append("\n  [").append(i).append("] shape ").append(Arrays.toString(t.sizes())).append(' ')
                    .append(t.dtype()).append(": ").append(t.detach());
        }
        return sb.toString();
    }
}
