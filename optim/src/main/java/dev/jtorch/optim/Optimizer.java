package dev.jtorch.optim;

import dev.jtorch.Tensor;
import dev.jtorch.autograd.GradMode;
import dev.jtorch.autograd.HookHandle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@code torch.optim.Optimizer}: owns parameter groups, per-parameter state, {@code step},
 * {@code zero_grad}, state dicts in PyTorch's layout, and step hooks. A concrete optimizer
 * only writes its update math in {@link #update} (PyTorch's {@code _single_tensor_*} body),
 * or overrides {@link #updateGroup} when the math needs the whole group.
 *
 * <pre>{@code
 * public final class Lion extends Optimizer {
 *     public Lion(List<? extends Tensor> params, double lr) {
 *         super(params, Optimizer.defaults("lr", lr, "betas", new double[] {0.9, 0.99}, "weight_decay", 0.0));
 *     }
 *     protected void update(Tensor p, Tensor g, ParamState state, ParamGroup group) { ... }
 * }
 * }</pre>
 */
public abstract class Optimizer {
    private final Map<String, Object> defaults;
    private final List<ParamGroup> groups = new ArrayList<>();
    private final Map<Tensor, ParamState> state = new IdentityHashMap<>();
    /** Parameters in the order their state was created, like the insertion order of PyTorch's state dict. */
    private final List<Tensor> stateOrder = new ArrayList<>();
    private final List<Consumer<Optimizer>> preHooks = new ArrayList<>();
    private final List<Consumer<Optimizer>> postHooks = new ArrayList<>();

    /** {@code Optimizer(params, defaults)}: one group holding {@code params}. */
    protected Optimizer(Iterable<? extends Tensor> params, Map<String, Object> defaults) {
        this.defaults = Collections.unmodifiableMap(new LinkedHashMap<>(defaults));
        List<Tensor> list = new ArrayList<>();
        params.forEach(list::add);
        if (list.isEmpty()) {
            throw new IllegalArgumentException("optimizer got an empty parameter list");
        }
        addParamGroup(ParamGroup.of(list));
    }

    /** {@code Optimizer([{'params': ..., 'lr': ...}, ...], defaults)}: one entry per group. */
    protected Optimizer(List<ParamGroup> paramGroups, Map<String, Object> defaults) {
        this.defaults = Collections.unmodifiableMap(new LinkedHashMap<>(defaults));
        if (paramGroups.isEmpty()) {
            throw new IllegalArgumentException("optimizer got an empty parameter list");
        }
        for (ParamGroup g : paramGroups) {
            addParamGroup(g);
        }
    }

    /** An ordered defaults map from key/value pairs: {@code defaults("lr", 0.1, "momentum", 0.0)}. */
    public static Map<String, Object> defaults(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("defaults need key/value pairs, got " + keysAndValues.length + " items");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object v = keysAndValues[i + 1];
            m.put((String) keysAndValues[i], v instanceof Float ? Double.valueOf((Float) v) : v);
        }
        return m;
    }

    // ------------------------------------------------------------------ groups

    /** {@code optimizer.defaults}. */
    public final Map<String, Object> defaultsMap() {
        return defaults;
    }

    /** {@code optimizer.param_groups}. */
    public final List<ParamGroup> paramGroups() {
        return Collections.unmodifiableList(groups);
    }

    /**
     * {@code add_param_group(group)}: fills the defaults the group does not set, and rejects
     * non-leaf tensors and parameters already in another group, with PyTorch's messages.
     */
    public final void addParamGroup(ParamGroup group) {
        Set<Tensor> inGroup = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Tensor p : group.params()) {
            if (!p.isLeaf()) {
                throw new IllegalArgumentException("can't optimize a non-leaf Tensor");
            }
            inGroup.add(p);
        }
        for (ParamGroup g : groups) {
            for (Tensor p : g.params()) {
                if (inGroup.contains(p)) {
                    throw new IllegalArgumentException("some parameters appear in more than one parameter group");
                }
            }
        }
        for (Map.Entry<String, Object> d : defaults.entrySet()) {
            if (d.getValue() == REQUIRED && !group.has(d.getKey())) {
                throw new IllegalArgumentException("parameter group didn't specify a value of required optimization parameter "
                        + d.getKey());
            }
            group.putDefault(d.getKey(), d.getValue());
        }
        validate(group);
        groups.add(group);
    }

    /** Marker for a default that every group must set (PyTorch's {@code required}). */
    public static final Object REQUIRED = new Object() {
        @Override
        public String toString() {
            return "<required parameter>";
        }
    };

    /** Checks a group's hyperparameters; optimizers raise PyTorch's messages ({@code Invalid learning rate: -1.0}). */
    protected void validate(ParamGroup group) {
    }

    // ------------------------------------------------------------------ step

    /** {@code optimizer.step()}. */
    public final Tensor step() {
        return step(null);
    }

    /**
     * {@code optimizer.step(closure)}: runs the pre-hooks, evaluates {@code closure} (with grad
     * enabled) when given, updates every parameter that has a gradient (without recording), runs
     * the post-hooks, and returns the closure's loss.
     */
    public Tensor step(Supplier<Tensor> closure) {
        for (Consumer<Optimizer> h : List.copyOf(preHooks)) {
            h.accept(this);
        }
        Tensor loss = doStep(closure);
        for (Consumer<Optimizer> h : List.copyOf(postHooks)) {
            h.accept(this);
        }
        return loss;
    }

    /**
     * The step proper, between the hooks: evaluates {@code closure} (with grad enabled) when given,
     * then {@link #updateGroup} for every group under no-grad, and returns the closure's loss.
     * An algorithm that re-evaluates the closure inside its step ({@link LBFGS}) overrides this.
     */
    protected Tensor doStep(Supplier<Tensor> closure) {
        Tensor loss = null;
        if (closure != null) {
            try (GradMode.Guard ignored = GradMode.enableGrad()) {
                loss = closure.get();
            }
        }
        try (GradMode.Guard ignored = GradMode.noGrad()) {
            for (ParamGroup g : groups) {
                updateGroup(g);
            }
        }
        return loss;
    }

    /** Updates one group: by default {@link #update} for each parameter that has a gradient, in order. */
    protected void updateGroup(ParamGroup group) {
        for (Tensor p : group.params()) {
            Tensor g = p.grad();
            if (g != null) {
                update(p, g, state(p), group);
            }
        }
    }

    /**
     * The update of one parameter, written like PyTorch's single-tensor path; runs under no-grad.
     * {@code state} is empty on the parameter's first update. Every optimizer overrides this, or
     * {@link #updateGroup}, or {@link #doStep} (which never reaches this method).
     */
    protected void update(Tensor param, Tensor grad, ParamState state, ParamGroup group) {
        throw new IllegalStateException(getClass().getSimpleName() + " overrides none of update, updateGroup and doStep");
    }

    /** {@code optimizer.state[p]}, created empty on first access. */
    public final ParamState state(Tensor param) {
        ParamState s = state.get(param);
        if (s == null) {
            s = new ParamState();
            state.put(param, s);
            stateOrder.add(param);
        }
        return s;
    }

    /** True when {@code param} has state (PyTorch: {@code p in optimizer.state}). */
    public final boolean hasState(Tensor param) {
        ParamState s = state.get(param);
        return s != null && !s.isEmpty();
    }

    /** {@code zero_grad()}: sets every gradient to null (PyTorch 2's default). */
    public final void zeroGrad() {
        zeroGrad(true);
    }

    /** {@code zero_grad(set_to_none)}: with false, zeroes gradients in place. */
    public final void zeroGrad(boolean setToNone) {
        for (ParamGroup g : groups) {
            for (Tensor p : g.params()) {
                Tensor grad = p.grad();
                if (grad == null) {
                    continue;
                }
                if (setToNone) {
                    p.setGrad(null);
                } else {
                    try (GradMode.Guard ignored = GradMode.noGrad()) {
                        grad.detach_().zero_();
                    }
                }
            }
        }
    }

    /** {@code register_step_pre_hook(hook)}. */
    public final HookHandle registerStepPreHook(Consumer<Optimizer> hook) {
        preHooks.add(hook);
        return HookHandle.create(() -> preHooks.remove(hook));
    }

    /** {@code register_step_post_hook(hook)}. */
    public final HookHandle registerStepPostHook(Consumer<Optimizer> hook) {
        postHooks.add(hook);
        return HookHandle.create(() -> postHooks.remove(hook));
    }

    // ------------------------------------------------------------------ state dict

    /**
     * {@code state_dict()}: {@code {"state": {index: {name: value}}, "param_groups": [{...hyperparameters,
     * "params": [indices]}]}} with parameters numbered across groups in order. Tensors are shared,
     * not copied, as in PyTorch.
     */
    public final OptimizerStateDict stateDict() {
        Map<Tensor, Integer> index = new IdentityHashMap<>();
        List<Map<String, Object>> packedGroups = new ArrayList<>();
        int next = 0;
        for (ParamGroup g : groups) {
            List<Integer> ids = new ArrayList<>();
            for (Tensor p : g.params()) {
                Integer id = index.get(p);
                if (id == null) {
                    id = next++;
                    index.put(p, id);
                }
                ids.add(id);
            }
            Map<String, Object> packed = new LinkedHashMap<>(g.options());
            packed.put("params", ids);
            packedGroups.add(packed);
        }
        Map<Integer, Map<String, Object>> packedState = new LinkedHashMap<>();
        for (Tensor p : stateOrder) {
            ParamState s = state.get(p);
            if (s != null && !s.isEmpty() && index.containsKey(p)) {
                packedState.put(index.get(p), new LinkedHashMap<>(s.asMap()));
            }
        }
        return new OptimizerStateDict(packedState, packedGroups);
    }

    /**
     * {@code load_state_dict(state_dict)}: validates group count and sizes with PyTorch's messages,
     * then replaces the state (deep copies; floating tensors cast to the parameter's dtype,
     * {@code step} kept as is) and the groups' hyperparameters. Nothing changes when invalid.
     */
    public final void loadStateDict(OptimizerStateDict sd) {
        List<Map<String, Object>> saved = sd.paramGroups();
        if (saved.size() != groups.size()) {
            throw new IllegalArgumentException("loaded state dict has a different number of parameter groups");
        }
        Map<Integer, Tensor> idToParam = new LinkedHashMap<>();
        for (int i = 0; i < groups.size(); i++) {
            List<?> ids = (List<?>) saved.get(i).get("params");
            List<Tensor> params = groups.get(i).params();
            if (ids == null || ids.size() != params.size()) {
                throw new IllegalArgumentException("loaded state dict contains a parameter group that doesn't match the size "
                        + "of optimizer's group");
            }
            for (int k = 0; k < ids.size(); k++) {
                idToParam.put(((Number) ids.get(k)).intValue(), params.get(k));
            }
        }
        Map<Tensor, Map<String, Object>> newState = new IdentityHashMap<>();
        List<Tensor> newOrder = new ArrayList<>();
        for (Map.Entry<Integer, Map<String, Object>> e : sd.state().entrySet()) {
            Tensor p = idToParam.get(e.getKey());
            if (p == null) {
                continue; // PyTorch keeps state of unknown ids under the raw key; it can never be used, so it is dropped
            }
            Map<String, Object> copied = new LinkedHashMap<>();
            for (Map.Entry<String, Object> v : e.getValue().entrySet()) {
                copied.put(v.getKey(), castLike(p, v.getKey(), v.getValue()));
            }
            newState.put(p, copied);
            newOrder.add(p);
        }
        List<Map<String, Object>> newOptions = new ArrayList<>();
        for (Map<String, Object> g : saved) {
            Map<String, Object> opts = new LinkedHashMap<>(g);
            opts.remove("params");
            newOptions.add(opts);
        }
        // validated: apply
        state.clear();
        stateOrder.clear();
        for (Tensor p : newOrder) {
            state(p).replace(newState.get(p));
        }
        for (int i = 0; i < groups.size(); i++) {
            groups.get(i).replaceOptions(newOptions.get(i));
        }
    }

    private static Object castLike(Tensor param, String key, Object value) {
        if (value instanceof List) {
            // PyTorch's _cast recurses into lists (LBFGS's old_dirs, old_stps, ro, al)
            List<Object> copied = new ArrayList<>();
            for (Object v : (List<?>) value) {
                copied.add(castLike(param, key, v));
            }
            return copied;
        }
        if (!(value instanceof Tensor)) {
            return value instanceof double[] ? ((double[]) value).clone() : value;
        }
        Tensor t = ((Tensor) value).detach();
        try (GradMode.Guard ignored = GradMode.noGrad()) {
            if (!"step".equals(key) && t.dtype().isFloatingPoint() && t.dtype() != param.dtype()) {
                return t.to(param.dtype());
            }
            return t.clone();
        }
    }
}
