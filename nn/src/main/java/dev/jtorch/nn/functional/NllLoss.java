package dev.jtorch.nn.functional;

import dev.jtorch.Tensor;
import dev.jtorch.autograd.Context;
import dev.jtorch.autograd.Function;
import dev.jtorch.tensor.DType;
import dev.jtorch.tensor.NDArray;

/**
 * {@code nll_loss} on {@code [N, C]} or {@code [C]} log-probabilities with class-index targets,
 * numerically identical to PyTorch's CPU {@code nll_loss_out_frame}: per-sample terms
 * {@code -w[t] * logp[i, t]} summed with its 8-level cascade, the mean divided by the sum of the
 * weights of non-ignored targets. {@code grad_fn} is {@code NllLossBackward0}.
 */
final class NllLoss extends Function {
    private final Tensor weight;
    private final String reduction;
    private final long ignoreIndex;
    private long[] target;
    private int[] inputShape;
    private double totalWeight;

    private final String name;

    NllLoss(Tensor weight, String reduction, long ignoreIndex) {
        this(weight, reduction, ignoreIndex, "NllLossBackward0");
    }

    /** With the node name PyTorch records: {@code NllLoss2DBackward0} for the flattened N-d loss. */
    NllLoss(Tensor weight, String reduction, long ignoreIndex, String name) {
        this.weight = weight;
        this.reduction = reduction;
        this.ignoreIndex = ignoreIndex;
        this.name = name;
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... in) {
        NDArray logp = in[0].array();
        NDArray tgt = in[1].array();
        if (tgt.dtype() != DType.INT64) {
            throw new IllegalArgumentException("expected scalar type Long but found " + tgt.dtype().scalarTypeName());
        }
        inputShape = logp.sizes();
        boolean batched = logp.dim() == 2;
        if (logp.dim() < 1 || logp.dim() > 2) {
            throw new IllegalArgumentException("input tensor should be 1D or 2D");
        }
        int n = batched ? logp.size(0) : 1;
        int c = logp.size(batched ? 1 : 0);
        if (batched ? (tgt.dim() != 1 || tgt.size(0) != n) : tgt.dim() != 0) {
            throw new IllegalArgumentException(batched
                    ? "Expected input batch_size (" + n + ") to match target batch_size (" + (tgt.dim() == 0 ? 0 : tgt.size(0)) + ")."
                    : "0D or 1D target tensor expected, multi-target not supported");
        }
        double[] w = weight == null ? null : weight.array().toDoubleArray();
        if (w != null && w.length != c) {
            throw new IllegalArgumentException("weight tensor should be defined either for all " + c
                    + " classes or no classes but got weight tensor of shape: " + java.util.Arrays.toString(weight.sizes()));
        }
        target = tgt.toLongArray();
        for (long t : target) {
            if (t != ignoreIndex && (t < 0 || t >= c)) {
                throw new IndexOutOfBoundsException("Target " + t + " is out of bounds.");
            }
        }
        DType dt = logp.dtype();
        float[] lf = dt == DType.FLOAT32 ? logp.contiguous().toFloatArray() : null;
        double[] ld = dt == DType.FLOAT64 ? logp.contiguous().toDoubleArray() : null;
        if ("none".equals(reduction) && batched) {
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                long t = target[i];
                if (t == ignoreIndex) {
                    continue;
                }
                double wt = w == null ? 1 : w[(int) t];
                out[i] = dt == DType.FLOAT32 ? -(float) wt * lf[i * c + (int) t] : -wt * ld[i * c + (int) t];
            }
            return new Tensor(NDArray.wrap(out, n).to(dt));
        }
        return dt == DType.FLOAT32 ? new Tensor(NDArray.scalar(cascadeF(lf, w, n, c), dt))
                : new Tensor(NDArray.scalar(cascadeD(ld, w, n, c), dt));
    }

    /** PyTorch's float accumulation: 8 levels, a level flushes upward every 2^level_power samples. */
    private float cascadeF(float[] logp, double[] w, int n, int c) {
        int levelPower = Math.max(4, ceilLog2(n) / 8);
        float[] loss = new float[8];
        float[] wsum = new float[8];
        for (int b = 0; b < n; b++) {
            long t = target[b];
            if (t == ignoreIndex) {
                continue;
            }
            float wt = w == null ? 1f : (float) w[(int) t];
            loss[0] -= logp[b * c + (int) t] * wt;
            wsum[0] += wt;
            for (int j = 0; j < 7; j++) {
                long mask = ((1L << levelPower) - 1) << (j * levelPower);
                if ((b & mask) != 0) {
                    break;
                }
                loss[j + 1] += loss[j];
                wsum[j + 1] += wsum[j];
                loss[j] = 0;
                wsum[j] = 0;
            }
        }
        float total = 0;
        float tw = 0;
        for (int k = 0; k < 8; k++) {
            total += loss[k];
            tw += wsum[k];
        }
        totalWeight = tw;
        // 'none' on a 1-d input is a single term, like 'sum'; only 'mean' divides by the total weight
        return "mean".equals(reduction) ? total / tw : total;
    }

    private double cascadeD(double[] logp, double[] w, int n, int c) {
        int levelPower = Math.max(4, ceilLog2(n) / 8);
        double[] loss = new double[8];
        double[] wsum = new double[8];
        for (int b = 0; b < n; b++) {
            long t = target[b];
            if (t == ignoreIndex) {
                continue;
            }
            double wt = w == null ? 1 : w[(int) t];
            loss[0] -= logp[b * c + (int) t] * wt;
            wsum[0] += wt;
            for (int j = 0; j < 7; j++) {
                long mask = ((1L << levelPower) - 1) << (j * levelPower);
                if ((b & mask) != 0) {
                    break;
                }
                loss[j + 1] += loss[j];
                wsum[j + 1] += wsum[j];
                loss[j] = 0;
                wsum[j] = 0;
            }
        }
        double total = 0;
        double tw = 0;
        for (int k = 0; k < 8; k++) {
            total += loss[k];
            tw += wsum[k];
        }
        totalWeight = tw;
        return "mean".equals(reduction) ? total / tw : total;
    }

    private static int ceilLog2(int n) {
        return n <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(n - 1);
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor g) {
        return new Tensor[] {new NllLossGrad(this).apply(g), null};
    }

    @Override
    protected String name() {
        return name;
    }

    /** The gradient of NLL with respect to its input: linear in the incoming gradient, so itself differentiable. */
    static final class NllLossGrad extends Function {
        private final NllLoss loss;

        NllLossGrad(NllLoss loss) {
            this.loss = loss;
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            int[] shape = loss.inputShape;
            boolean batched = shape.length == 2;
            int n = batched ? shape[0] : 1;
            int c = shape[batched ? 1 : 0];
            DType dt = in[0].dtype();
            double[] w = loss.weight == null ? null : loss.weight.array().toDoubleArray();
            double[] gout = in[0].array().toDoubleArray();
            double[] grad = new double[n * c];
            boolean none = "none".equals(loss.reduction) && batched;
            boolean mean = "mean".equals(loss.reduction);
            for (int i = 0; i < n; i++) {
                long t = loss.target[i];
                if (t == loss.ignoreIndex) {
                    continue;
                }
                double wt = w == null ? 1 : w[(int) t];
                double go = none ? gout[i] : gout[0];
                // nll_loss_backward_out_frame: grad = -(mean ? gout / total_weight : gout); grad_input = w[t] * grad
                if (dt == DType.FLOAT32) {
                    float gr = none ? -(float) go : -(mean ? (float) go / (float) loss.totalWeight : (float) go);
                    grad[i * c + (int) t] = w == null ? gr : (float) wt * gr;
                } else {
                    double gr = none ? -go : -(mean ? go / loss.totalWeight : go);
                    grad[i * c + (int) t] = w == null ? gr : wt * gr;
                }
            }
            return new Tensor(NDArray.wrap(grad, shape).to(dt));
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor gg) {
            // d(grad)/d(gout): gather the selected entries back
            int[] shape = loss.inputShape;
            boolean batched = shape.length == 2;
            int n = batched ? shape[0] : 1;
            int c = shape[batched ? 1 : 0];
            double[] w = loss.weight == null ? null : loss.weight.array().toDoubleArray();
            double[] ggv = gg.array().toDoubleArray();
            boolean none = "none".equals(loss.reduction) && batched;
            boolean mean = "mean".equals(loss.reduction);
            double[] out = new double[none ? n : 1];
            for (int i = 0; i < n; i++) {
                long t = loss.target[i];
                if (t == loss.ignoreIndex) {
                    continue;
                }
                double wt = w == null ? 1 : w[(int) t];
                double v = -wt * ggv[i * c + (int) t] / (mean ? loss.totalWeight : 1);
                out[none ? i : 0] += v;
            }
            NDArray r = none ? NDArray.wrap(out, n) : NDArray.scalar(out[0], DType.FLOAT64);
            return new Tensor[] {new Tensor(r.to(gg.dtype()))};
        }

        @Override
        protected String name() {
            return "NllLossBackwardBackward0";
        }
    }
}
