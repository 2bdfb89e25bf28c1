package dev.jtorch.optim;

import dev.jtorch.Tensor;
import dev.jtorch.autograd.GradMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code torch.optim.LBFGS}: limited-memory BFGS with an optional strong Wolfe line search, ported
 * from {@code torch/optim/lbfgs.py} operation by operation (including Python's mix of floats and
 * 0-d tensors, see {@link PyScalar}). One parameter group only; {@link #step(Supplier)} needs the
 * closure, which re-evaluates the loss (and its gradient) and may be called up to
 * {@code max_eval} times per step.
 *
 * <p>Like PyTorch, the whole state lives under the first parameter: {@code func_evals},
 * {@code n_iter}, {@code al}, {@code d}, {@code t}, {@code old_dirs}, {@code old_stps}, {@code ro},
 * {@code H_diag}, {@code prev_flat_grad}, {@code prev_loss}; it saves and loads through
 * {@link #stateDict()} / {@link #loadStateDict}.
 *
 * <pre>{@code
 * LBFGS opt = new LBFGS(model.parameters(), LBFGS.options().lineSearchFn("strong_wolfe"));
 * opt.step(() -> { opt.zeroGrad(); Tensor loss = criterion.forward(model.forward(x), y); loss.backward(); return loss; });
 * }</pre>
 */
public final class LBFGS extends Optimizer {
    /**
     * LBFGS's keyword arguments with PyTorch's defaults (lr=1, max_iter=20, max_eval=max_iter*5//4,
     * tolerance_grad=1e-7, tolerance_change=1e-9, history_size=100, line_search_fn=None).
     */
    public static final class Options {
        private double lr = 1;
        private int maxIter = 20;
        private Integer maxEval;
        private double toleranceGrad = 1e-7;
        private double toleranceChange = 1e-9;
        private int historySize = 100;
        private String lineSearchFn;

        /** {@code lr}. */
        public Options lr(double v) {
            lr = v;
            return this;
        }

        /** {@code max_iter}: iterations per {@code step}. */
        public Options maxIter(int v) {
            maxIter = v;
            return this;
        }

        /** {@code max_eval}: closure evaluations per {@code step} (null: {@code max_iter * 5 // 4}). */
        public Options maxEval(Integer v) {
            maxEval = v;
            return this;
        }

        /** {@code tolerance_grad}. */
        public Options toleranceGrad(double v) {
            toleranceGrad = v;
            return this;
        }

        /** {@code tolerance_change}. */
        public Options toleranceChange(double v) {
            toleranceChange = v;
            return this;
        }

        /** {@code history_size}. */
        public Options historySize(int v) {
            historySize = v;
            return this;
        }

        /** {@code line_search_fn}: null or {@code "strong_wolfe"}. */
        public Options lineSearchFn(String v) {
            lineSearchFn = v;
            return this;
        }

        Map<String, Object> toDefaults() {
            int eval = maxEval != null ? maxEval : Math.floorDiv(maxIter * 5, 4);
            return Optimizer.defaults("lr", lr, "max_iter", maxIter, "max_eval", eval, "tolerance_grad", toleranceGrad,
                    "tolerance_change", toleranceChange, "history_size", historySize, "line_search_fn", lineSearchFn);
        }
    }

    /** A builder with PyTorch's defaults. */
    public static Options options() {
        return new Options();
    }

    private final List<Tensor> params;

    /** {@code LBFGS(params, **options)}. */
    public LBFGS(Iterable<? extends Tensor> params, Options options) {
        super(params, options.toDefaults());
        this.params = paramGroups().get(0).params();
    }

    /** {@code LBFGS(param_groups, **options)}: rejected unless there is exactly one group, as in PyTorch. */
    public LBFGS(List<ParamGroup> groups, Options options) {
        super(groups, options.toDefaults());
        checkOneGroup();
        this.params = paramGroups().get(0).params();
    }

    private void checkOneGroup() {
        if (paramGroups().size() != 1) {
            throw new IllegalArgumentException("LBFGS doesn't support per-parameter options (parameter groups)");
        }
    }

    // ------------------------------------------------------------------ flat views of the parameters

    private Tensor gatherFlatGrad() {
        List<Tensor> views = new ArrayList<>();
        for (Tensor p : params) {
            Tensor g = p.grad();
            views.add(g == null ? Tensor.zerosLike(p).reshape(-1) : g.reshape(-1));
        }
        return Tensor.cat(views, 0);
    }

    private void addGrad(PyScalar stepSize, Tensor update) {
        int offset = 0;
        for (Tensor p : params) {
            int numel = p.numel();
            p.add_(update.narrow(0, offset, numel).view(p.sizes()), stepSize.v);
            offset += numel;
        }
    }

    private List<Tensor> cloneParam() {
        List<Tensor> out = new ArrayList<>();
        for (Tensor p : params) {
            out.add(p.clone());
        }
        return out;
    }

    private void setParam(List<Tensor> data) {
        for (int i = 0; i < params.size(); i++) {
            params.get(i).copy_(data.get(i));
        }
    }

    private static double evaluate(Supplier<Tensor> closure) {
        try (GradMode.Guard ignored = GradMode.enableGrad()) {
            return closure.get().item();
        }
    }

    private StrongWolfe.Evaluation directionalEvaluate(Supplier<Tensor> closure, List<Tensor> x, PyScalar t, Tensor d) {
        addGrad(t, d);
        double loss = evaluate(closure);
        Tensor flatGrad = gatherFlatGrad();
        setParam(x);
        return new StrongWolfe.Evaluation(loss, flatGrad);
    }

    private static boolean maxAbsAtMost(Tensor v, double bound) {
        return PyScalar.of(v.abs().max()).le(PyScalar.py(bound));
    }

    // ------------------------------------------------------------------ step

    /** {@code step(closure)}: PyTorch's LBFGS step; throws when {@code closure} is null (it is required). */
    @Override
    protected Tensor doStep(Supplier<Tensor> closure) {
        if (closure == null) {
            throw new IllegalArgumentException("LBFGS.step() missing 1 required positional argument: 'closure'");
        }
        checkOneGroup();
        try (GradMode.Guard ignored = GradMode.noGrad()) {
            return run(closure);
        }
    }

    @SuppressWarnings("unchecked")
    private Tensor run(Supplier<Tensor> closure) {
        ParamGroup group = paramGroups().get(0);
        double lr = group.lr();
        int maxIter = group.getInt("max_iter");
        int maxEval = group.getInt("max_eval");
        double toleranceGrad = group.getDouble("tolerance_grad");
        double toleranceChange = group.getDouble("tolerance_change");
        String lineSearchFn = (String) group.get("line_search_fn");
        int historySize = group.getInt("history_size");

        ParamState state = state(params.get(0));
        if (!state.has("func_evals")) {
            state.put("func_evals", 0);
        }
        if (!state.has("n_iter")) {
            state.put("n_iter", 0);
        }

        Tensor origLoss;
        try (GradMode.Guard ignored = GradMode.enableGrad()) {
            origLoss = closure.get();
        }
        double loss = origLoss.item();
        int currentEvals = 1;
        state.put("func_evals", ((Number) state.get("func_evals")).intValue() + 1);

        Tensor flatGrad = gatherFlatGrad();
        boolean optCond = maxAbsAtMost(flatGrad, toleranceGrad);
        if (optCond) {
            return origLoss;
        }

        Tensor d = (Tensor) state.get("d");
        PyScalar t = state.get("t") == null ? null : PyScalar.fromState(state.get("t"));
        List<Tensor> oldDirs = copyList(state.get("old_dirs"));
        List<Tensor> oldStps = copyList(state.get("old_stps"));
        List<Tensor> ro = copyList(state.get("ro"));
        Object hDiag = state.get("H_diag");
        Tensor prevFlatGrad = (Tensor) state.get("prev_flat_grad");
        Double prevLoss = state.get("prev_loss") == null ? null : ((Number) state.get("prev_loss")).doubleValue();

        int nIter = 0;
        while (nIter < maxIter) {
            nIter += 1;
            int stateIter = ((Number) state.get("n_iter")).intValue() + 1;
            state.put("n_iter", stateIter);

            // gradient descent direction
            if (stateIter == 1) {
                d = flatGrad.neg();
                oldDirs = new ArrayList<>();
                oldStps = new ArrayList<>();
                ro = new ArrayList<>();
                hDiag = 1;
            } else {
                Tensor y = flatGrad.sub(prevFlatGrad);
                Tensor s = d.mul(t.v);
                Tensor ys = y.dot(s);
                if (PyScalar.of(ys).gt(PyScalar.py(1e-10))) {
                    if (oldDirs.size() == historySize) {
                        oldDirs.remove(0);
                        oldStps.remove(0);
                        ro.remove(0);
                    }
                    oldDirs.add(y);
                    oldStps.add(s);
                    ro.add(ys.reciprocal()); // 1.0 / ys is ys.reciprocal() * 1.0 in PyTorch
                    hDiag = ys.div(y.dot(y));
                }
                int numOld = oldDirs.size();
                if (!state.has("al")) {
                    state.put("al", new ArrayList<>(Arrays.asList(new Tensor[historySize])));
                }
                List<Tensor> al = new ArrayList<>((List<Tensor>) state.get("al"));
                state.put("al", al); // a fresh list, so that an earlier state dict keeps its values
                Tensor q = flatGrad.neg();
                for (int i = numOld - 1; i >= 0; i--) {
                    al.set(i, oldStps.get(i).dot(q).mul(ro.get(i)));
                    q.add_(oldDirs.get(i), -al.get(i).item());
                }
                Tensor r = hDiag instanceof Tensor ? q.mul((Tensor) hDiag) : q.mul(((Number) hDiag).longValue());
                d = r;
                for (int i = 0; i < numOld; i++) {
                    Tensor beI = oldDirs.get(i).dot(r).mul(ro.get(i));
                    r.add_(oldStps.get(i), al.get(i).sub(beI).item());
                }
            }
            if (prevFlatGrad == null) {
                prevFlatGrad = flatGrad.clone();
            } else {
                prevFlatGrad.copy_(flatGrad);
            }
            prevLoss = loss;

            // step length: min(1.0, 1.0 / flat_grad.abs().sum()) * lr on the very first iteration
            if (stateIter == 1) {
                PyScalar inv = PyScalar.of(flatGrad.abs().sum().reciprocal());
                t = PyScalar.min(PyScalar.py(1.0), inv).mul(PyScalar.py(lr));
            } else {
                t = PyScalar.py(lr);
            }
            PyScalar gtd = PyScalar.of(flatGrad.dot(d));
            if (gtd.gt(PyScalar.py(-toleranceChange))) {
                break;
            }

            int lsFuncEvals = 0;
            if (lineSearchFn != null) {
                if (!"strong_wolfe".equals(lineSearchFn)) {
                    throw new IllegalStateException("only 'strong_wolfe' is supported");
                }
                List<Tensor> xInit = cloneParam();
                StrongWolfe.Result res = StrongWolfe.search((x, tt, dd) -> directionalEvaluate(closure, x, tt, dd), xInit, t, d,
                        loss, flatGrad, gtd, toleranceChange, 25);
                loss = res.f();
                flatGrad = res.g();
                t = res.t();
                lsFuncEvals = res.funcEvals();
                addGrad(t, d);
                optCond = maxAbsAtMost(flatGrad, toleranceGrad);
            } else {
                addGrad(t, d);
                if (nIter != maxIter) {
                    loss = evaluate(closure);
                    flatGrad = gatherFlatGrad();
                    optCond = maxAbsAtMost(flatGrad, toleranceGrad);
                    lsFuncEvals = 1;
                }
            }
            currentEvals += lsFuncEvals;
            state.put("func_evals", ((Number) state.get("func_evals")).intValue() + lsFuncEvals);

            if (nIter == maxIter || currentEvals >= maxEval || optCond) {
                break;
            }
            if (maxAbsAtMost(d.mul(t.v), toleranceChange)) {
                break;
            }
            if (Math.abs(loss - prevLoss) < toleranceChange) {
                break;
            }
        }

        state.put("d", d);
        state.put("t", t == null ? null : t.toState());
        state.put("old_dirs", oldDirs);
        state.put("old_stps", oldStps);
        state.put("ro", ro);
        state.put("H_diag", hDiag);
        state.put("prev_flat_grad", prevFlatGrad);
        state.put("prev_loss", prevLoss);
        return origLoss;
    }

    /** The state's list (Python mutates it in place; a copy keeps a saved state dict unchanged). */
    private static List<Tensor> copyList(Object o) {
        if (o == null) {
            return null;
        }
        List<Tensor> out = new ArrayList<>();
        for (Object v : (List<?>) o) {
            out.add((Tensor) v);
        }
        return out;
    }
}
