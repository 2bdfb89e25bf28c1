package dev.jtorch.bench;

import dev.jtorch.tensor.DType;
import dev.jtorch.tensor.NDArray;
import java.util.Arrays;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * Before timing, checks that both sides of a workload compute the same thing: when both results
 * are tensors, the shapes must match and the values agree within float32 tolerance (rtol 1e-4,
 * atol 1e-5: loose enough for a different summation order or exp, tight enough to catch a wrong op).
 */
final class Crosscheck {
    private Crosscheck() {}

    static final double RTOL = 1e-4;
    static final double ATOL = 1e-5;

    static void agree(String workload, Object jtorchResult, Object libtorchResult) {
        agree(workload, jtorchResult, libtorchResult, ATOL);
    }

    static void agree(String workload, Object jtorchResult, Object libtorchResult, double atol) {
        if (!(jtorchResult instanceof NDArray) || !(libtorchResult instanceof Tensor)) {
            return; // a training step or a custom result: the workload's author checks it in a test
        }
        NDArray j = (NDArray) jtorchResult;
        Tensor l = (Tensor) libtorchResult;
        long[] lShape = new long[(int) l.dim()];
        for (int i = 0; i < lShape.length; i++) {
            lShape[i] = l.size(i);
        }
        int[] jShape = j.sizes();
        if (!Arrays.equals(Arrays.stream(jShape).asLongStream().toArray(), lShape)) {
            throw new IllegalStateException(workload + ": jtorch gives shape " + Arrays.toString(jShape)
                    + " but libtorch " + Arrays.toString(lShape));
        }
        float[] jv = j.to(DType.FLOAT32).toFloatArray();
        float[] lv = Libtorch.toFloatArray(l.to(torch.ScalarType.Float));
        for (int i = 0; i < jv.length; i++) {
            boolean bothNaN = Float.isNaN(jv[i]) && Float.isNaN(lv[i]);
            if (!bothNaN && !(Math.abs(jv[i] - lv[i]) <= atol + RTOL * Math.abs(lv[i]))) {
                throw new IllegalStateException(workload + ": the two sides disagree at element " + i + ": jtorch "
                        + jv[i] + ", libtorch " + lv[i] + " (rtol " + RTOL + ", atol " + atol + ")");
            }
        }
    }
}
