package dev.jtorch.optim.lr;

import dev.jtorch.optim.Optimizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;

/**
 * {@code torch.optim.lr_scheduler.LambdaLR}: {@code lr = base_lr * lr_lambda(last_epoch)}, one function
 * for all groups or one per group. As in PyTorch, the functions are not part of the state dict
 * ({@code lr_lambdas} is saved as a list of nulls).
 */
public final class LambdaLR extends LRScheduler {
    private final List<IntToDoubleFunction> lrLambdas;

    /** {@code LambdaLR(optimizer, lr_lambda)}. */
    public LambdaLR(Optimizer optimizer, IntToDoubleFunction lrLambda) {
        this(optimizer, Collections.nCopies(optimizer.paramGroups().size(), lrLambda), -1);
    }

    /** {@code LambdaLR(optimizer, [lr_lambda per group], last_epoch)}. */
    public LambdaLR(Optimizer optimizer, List<IntToDoubleFunction> lrLambdas, int lastEpoch) {
        super(optimizer, lastEpoch);
        this.lrLambdas = checked(optimizer, lrLambdas);
        initialStep();
    }

    static List<IntToDoubleFunction> checked(Optimizer optimizer, List<IntToDoubleFunction> lambdas) {
        int n = optimizer.paramGroups().size();
        if (lambdas.size() != n) {
            throw new IllegalArgumentException("Expected " + n + " lr_lambdas, but got " + lambdas.size());
        }
        return new ArrayList<>(lambdas);
    }

    @Override
    protected double[] getLr() {
        double[] out = new double[baseLrs.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = baseLrs.get(i) * lrLambdas.get(i).applyAsDouble(lastEpoch);
        }
        return out;
    }

    @Override
    public Map<String, Object> stateDict() {
        Map<String, Object> m = super.stateDict();
        m.put("lr_lambdas", new ArrayList<>(Collections.nCopies(lrLambdas.size(), null)));
        return m;
    }
}
