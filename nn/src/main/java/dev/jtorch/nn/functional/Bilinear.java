package dev.jtorch.nn.functional;

import dev.jtorch.Tensor;
import dev.jtorch.autograd.Context;
import dev.jtorch.autograd.Function;

/**
 * {@code F.bilinear} as ATen's {@code at::bilinear} composes it: both inputs flattened to
 * {@code [N, in]}, one {@code _trilinear} node ({@code TrilinearBackward0}) computing
 * {@code out[n, o] = sum_ij x1[n, i] W[o, i, j] x2[n, j]}, a reshape to the batch shape
 * ({@code ViewBackward0}), then {@code + bias} ({@code AddBackward0}): the same recorded graph.
 */
final class Bilinear {
    private Bilinear() {}

    static Tensor bilinear(Tensor input1, Tensor input2, Tensor weight, Tensor bias) {
        if (input1.dim() != input2.dim()) {
            throw new IllegalArgumentException("bilinear(): input dimensions do not match: got " + input1.dim() + " and "
                    + input2.dim());
        }
        for (int i = 0; i < input1.dim() - 1; i++) {
            if (input1.size(i) != input2.size(i)) {
                throw new IllegalArgumentException("bilinear(): input batch dimensions do not match: got " + input1.size(i)
                        + " and " + input2.size(i));
            }
        }
        int last = input1.dim() - 1;
        if (input1.size(last) != weight.size(1)) {
            throw new IllegalArgumentException("bilinear(): input1 size does not match weight size: got " + input1.size(last)
                    + " but expected " + weight.size(1));
        }
        if (input2.size(last) != weight.size(2)) {
            throw new IllegalArgumentException("bilinear(): input2 size does not match weight size: got " + input2.size(last)
                    + " but expected " + weight.size(2));
        }
        if (bias != null && bias.size(0) != weight.size(0)) {
            throw new IllegalArgumentException("bilinear(): bias size does not match weight size: got " + bias.size(0)
                    + " but expected " + weight.size(0));
        }
        int[] outputSize = java.util.Arrays.copyOf(input1.sizes(), input1.dim());
        outputSize[last] = weight.size(0);
        Tensor x1 = input1.reshape(-1, input1.size(last));
        Tensor x2 = input2.reshape(-1, input2.size(last));
        Tensor out = new Trilinear().apply(x1, weight, x2).reshape(outputSize);
        return bias == null ? out : out.add(bias);
    }

    /**
     * {@code at::_trilinear(x1, W, x2, expand1={1,3}, expand2={0}, expand3={1,2}, sumdim={2,3})} for
     * {@code x1 [N, I]}, {@code W [O, I, J]}, {@code x2 [N, J]}: contract over I (a matrix product),
     * then over J. Each gradient is the same contraction with the output gradient in its operand's
     * place (derivatives.yaml's {@code _trilinear} rule), written with tensor ops.
     */
    static final class Trilinear extends Function {
        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            Tensor x1 = in[0];
            Tensor w = in[1];
            Tensor x2 = in[2];
            ctx.saveForBackward(x1, w, x2);
            return contractIJ(x1, w, x2);
        }

        /** {@code sum_ij x1[n, i] W[o, i, j] x2[n, j]}. */
        private static Tensor contractIJ(Tensor x1, Tensor w, Tensor x2) {
            int n = x1.size(0);
            int o = w.size(0);
            int i = w.size(1);
            int j = w.size(2);
            Tensor t = x1.mm(w.permute(1, 0, 2).reshape(i, o * j)).view(n, o, j);
            return t.mul(x2.unsqueeze(1)).sum(new int[] {2}, false);
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor g) {
            Tensor[] s = ctx.savedTensors();
            Tensor x1 = s[0];
            Tensor w = s[1];
            Tensor x2 = s[2];
            int n = x1.size(0);
            int o = w.size(0);
            int i = w.size(1);
            int j = w.size(2);
            Tensor[] grads = new Tensor[3];
            if (ctx.needsInputGrad(0) || ctx.needsInputGrad(2)) {
                Tensor u = g.mm(w.reshape(o, i * j)).view(n, i, j); // sum_o g[n, o] W[o, i, j]
                if (ctx.needsInputGrad(0)) {
                    grads[0] = u.mul(x2.unsqueeze(1)).sum(new int[] {2}, false);
                }
                if (ctx.needsInputGrad(2)) {
                    grads[2] = u.mul(x1.unsqueeze(2)).sum(new int[] {1}, false);
                }
            }
            if (ctx.needsInputGrad(1)) {
                Tensor outer = x1.unsqueeze(2).mul(x2.unsqueeze(1)).reshape(n, i * j);
                grads[1] = g.t().mm(outer).view(o, i, j);
            }
            return grads;
        }

        @Override
        protected String name() {
            return "TrilinearBackward0";
        }
    }
}
