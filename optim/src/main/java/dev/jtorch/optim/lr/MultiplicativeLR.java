package dev.jtorch.optim.lr;

import dev.jtorch.optim.Optimizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;

/**
 * {@code torch.optim.lr_scheduler.MultiplicativeLR}: each step multiplies every group's {@code lr}
 * by {@code lr_lambda(last_epoch)}. The functions are not saved in the state dict, as in PyTorch.
 */
public final class MultiplicativeLR extends LRScheduler {
    private final List<IntToDoubleFunction> lrLambdas;

    /** {@code MultiplicativeLR(optimizer, lr_lambda)}. */
    public MultiplicativeLR(Optimizer optimizer, IntToDoubleFunction lrLambda) {
        this(optimizer, Collections.nCopies(optimizer.paramGroups().size(), lrLambda), -1);
    }

    /** {@code MultiplicativeLR(optimizer, [lr_lambda per group], last_epoch)}. */
    public MultiplicativeLR(Optimizer optimizer, List<IntToDoubleFunction> lrLambdas, int lastEpoch) {
        super(optimizer, lastEpoch);
        this.lrLambdas = LambdaLR.checked(optimizer, lrLambdas);
        initialStep();
    }

    @Override
    protected double[] getLr() {
        double[] lrs = currentLrs();
        if (!isInitial) {
            for (int i = 0; i < lrs.length; i++) {
                lrs[i] = lrs[i] * lrLambdas.get(i).applyAsDouble(lastEpoch);
            }
        }
        return lrs;
    }

    @Override
    public Map<String, Object> stateDict() {
        Map<String, Object> m = super.stateDict();
        m.put("lr_lambdas", new ArrayList<>(Collections.nCopies(lrLambdas.size(), null)));
        return m;
    }
}
