package dev.jtorch.optim;

import dev.jtorch.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One entry of {@code optimizer.param_groups}: its parameters and its hyperparameters
 * ({@code lr}, {@code momentum}, {@code betas}, ...) in PyTorch's key order. Build groups with
 * per-group overrides before constructing an optimizer:
 * {@code List.of(ParamGroup.of(backbone).set("lr", 1e-4), ParamGroup.of(head))}; the optimizer
 * fills in its defaults for keys a group does not set. Schedulers change {@code lr} through
 * {@link #setLr(double)}.
 */
public final class ParamGroup {
    private final List<Tensor> params;
    private final Map<String, Object> options = new LinkedHashMap<>();

    private ParamGroup(List<? extends Tensor> params) {
        this.params = new ArrayList<>(params);
    }

    /** A group of {@code params} with no hyperparameters set yet. */
    public static ParamGroup of(List<? extends Tensor> params) {
        return new ParamGroup(params);
    }

    /** A group of {@code params}. */
    public static ParamGroup of(Tensor... params) {
        return new ParamGroup(List.of(params));
    }

    /** The group's parameters, in order. */
    public List<Tensor> params() {
        return Collections.unmodifiableList(params);
    }

    /** The hyperparameters, in PyTorch's order (user keys, then defaults). */
    public Map<String, Object> options() {
        return Collections.unmodifiableMap(options);
    }

    /** Sets a hyperparameter ({@code group['key'] = value}); values are Double, Boolean, Integer, double[] or String. */
    public ParamGroup set(String key, Object value) {
        if ("params".equals(key)) {
            throw new IllegalArgumentException("'params' is not a hyperparameter; pass parameters to ParamGroup.of");
        }
        options.put(key, value instanceof Float ? Double.valueOf((Float) value) : value);
        return this;
    }

    /** True when the group has {@code key}. */
    public boolean has(String key) {
        return options.containsKey(key);
    }

    /** {@code group[key]}, raising with the key named when absent. */
    public Object get(String key) {
        Object v = options.get(key);
        if (v == null && !options.containsKey(key)) {
            throw new IllegalArgumentException("param group has no hyperparameter '" + key + "' (it has " + options.keySet() + ")");
        }
        return v;
    }

    /** A numeric hyperparameter. */
    public double getDouble(String key) {
        return ((Number) get(key)).doubleValue();
    }

    /** An integer hyperparameter. */
    public int getInt(String key) {
        return ((Number) get(key)).intValue();
    }

    /** A boolean hyperparameter. */
    public boolean getBoolean(String key) {
        return (Boolean) get(key);
    }

    /** A tuple hyperparameter such as {@code betas}. */
    public double[] getDoubles(String key) {
        return ((double[]) get(key)).clone();
    }

    /** {@code group['lr']}. */
    public double lr() {
        return getDouble("lr");
    }

    /** {@code group['lr'] = lr}. */
    public ParamGroup setLr(double lr) {
        return set("lr", lr);
    }

    void putDefault(String key, Object value) {
        options.putIfAbsent(key, value);
    }

    void replaceOptions(Map<String, Object> values) {
        options.clear();
        options.putAll(values);
    }
}
