package dev.jtorch.nn;

import dev.jtorch.Tensor;
import dev.jtorch.autograd.GradMode;
import dev.jtorch.autograd.HookHandle;
import dev.jtorch.io.Safetensors;
import dev.jtorch.tensor.DType;
import dev.jtorch.tensor.NDArray;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code torch.nn.Module}: ordered, explicitly registered parameters, buffers and child modules.
 *
 * <pre>{@code
 * class Model0 extends Module {
 *     final Linear h1 = register("h1", new Linear(3, 3, true));
 *     public Tensor forward(Tensor x) { return Torch.relu(h1.forward(x)); }
 * }
 * }</pre>
 *
 * Registration order is PyTorch's attribute order, so {@link #stateDict()} keys
 * ({@code h1.weight}, {@code layers.0.bias}) match PyTorch's. {@link #call} runs forward
 * pre-hooks, {@code forward} and forward hooks, like calling {@code module(x)} in Python;
 * calling {@code forward} directly skips hooks, as in PyTorch.
 */
public abstract class Module {
    private final Map<String, Parameter> parameters = new LinkedHashMap<>();
    private final Map<String, Tensor> buffers = new LinkedHashMap<>();
    private final Set<String> nonPersistent = new LinkedHashSet<>();
    private final Map<String, Module> modules = new LinkedHashMap<>();
    private final List<ForwardPreHook> preHooks = new ArrayList<>();
    private final List<ForwardHook> hooks = new ArrayList<>();
    private boolean training = true;

    /** {@code register_forward_pre_hook}: may return replacement inputs, or null to keep them. */
    @FunctionalInterface
    public interface ForwardPreHook {
        Tensor[] apply(Module module, Tensor[] inputs);
    }

    /** {@code register_forward_hook}: may return a replacement output, or null to keep it. */
    @FunctionalInterface
    public interface ForwardHook {
        Tensor apply(Module module, Tensor[] inputs, Tensor output);
    }

    // ------------------------------------------------------------------ forward

    /**
     * The computation of a single-input module. PyTorch raises the same error when a module
     * defines no {@code forward}; modules with other signatures override {@link #forward(Tensor...)}.
     */
    public Tensor forward(Tensor input) {
        throw new IllegalStateException("Module [" + getName() + "] is missing the required \"forward\" function");
    }

    /** The computation for any number of inputs; by default one input goes to {@link #forward(Tensor)}. */
    public Tensor forward(Tensor... inputs) {
        if (inputs.length != 1) {
            throw new IllegalArgumentException(getName() + ".forward() takes 1 positional argument but "
                    + inputs.length + " were given");
        }
        return forward(inputs[0]);
    }

    /** {@code module(*inputs)}: pre-hooks, {@code forward}, then hooks. */
    public final Tensor call(Tensor... inputs) {
        Tensor[] in = inputs;
        // a hook may remove itself: iterate over a copy, made only when there are hooks (not per call)
        for (ForwardPreHook h : preHooks.isEmpty() ? List.<ForwardPreHook>of() : List.copyOf(preHooks)) {
            Tensor[] r = h.apply(this, in);
            if (r != null) {
                in = r;
            }
        }
        Tensor out = forward(in);
        for (ForwardHook h : hooks.isEmpty() ? List.<ForwardHook>of() : List.copyOf(hooks)) {
            Tensor r = h.apply(this, in, out);
            if (r != null) {
                out = r;
            }
        }
        return out;
    }

    /** {@code register_forward_pre_hook(hook)}. */
    public HookHandle registerForwardPreHook(ForwardPreHook hook) {
        preHooks.add(hook);
        return HookHandle.create(() -> preHooks.remove(hook));
    }

    /** {@code register_forward_hook(hook)}. */
    public HookHandle registerForwardHook(ForwardHook hook) {
        hooks.add(hook);
        return HookHandle.create(() -> hooks.remove(hook));
    }

    // ------------------------------------------------------------------ registration

    /** Registers a child module under {@code name} (PyTorch: assigning a Module attribute) and returns it. */
    protected final <M extends Module> M register(String name, M module) {
        checkName(name, modules.containsKey(name) ? null : "module");
        if (parameters.containsKey(name) || buffers.containsKey(name)) {
            throw new IllegalArgumentException("attribute '" + name + "' already exists");
        }
        modules.put(name, module);
        return module;
    }

    /** {@code register_parameter(name, param)}: null registers an absent parameter (e.g. {@code bias=False}). */
    protected final Parameter registerParameter(String name, Parameter param) {
        checkName(name, parameters.containsKey(name) ? null : "parameter");
        if (modules.containsKey(name) || buffers.containsKey(name)) {
            throw new IllegalArgumentException("attribute '" + name + "' already exists");
        }
        parameters.put(name, param);
        return param;
    }

    /** {@code register_buffer(name, tensor, persistent=True)}. */
    protected final Tensor registerBuffer(String name, Tensor tensor) {
        return registerBuffer(name, tensor, true);
    }

    /** {@code register_buffer(name, tensor, persistent)}: non-persistent buffers stay out of the state dict. */
    protected final Tensor registerBuffer(String name, Tensor tensor, boolean persistent) {
        checkName(name, buffers.containsKey(name) ? null : "buffer");
        if (modules.containsKey(name) || parameters.containsKey(name)) {
            throw new IllegalArgumentException("attribute '" + name + "' already exists");
        }
        buffers.put(name, tensor);
        if (persistent) {
            nonPersistent.remove(name);
        } else {
            nonPersistent.add(name);
        }
        return tensor;
    }

    private static void checkName(String name, String kind) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException((kind == null ? "attribute" : kind) + " name can't be empty string \"\"");
        }
        if (name.contains(".")) {
            throw new IllegalArgumentException((kind == null ? "attribute" : kind) + " name can't contain \".\"");
        }
    }

    /** This module's own parameter {@code name} (null when registered as absent). */
    public final Parameter parameter(String name) {
        if (!parameters.containsKey(name)) {
            throw new IllegalArgumentException("'" + getName() + "' object has no parameter '" + name + "'");
        }
        return parameters.get(name);
    }

    /** This module's own buffer {@code name}. */
    public final Tensor buffer(String name) {
        if (!buffers.containsKey(name)) {
            throw new IllegalArgumentException("'" + getName() + "' object has no buffer '" + name + "'");
        }
        return buffers.get(name);
    }

    /** Replaces the value of an existing buffer (PyTorch: assigning a tensor to a buffer attribute). */
    protected final void setBuffer(String name, Tensor value) {
        buffer(name);
        buffers.put(name, value);
    }

    /** {@code get_submodule(target)} with a dotted path. */
    public final Module getSubmodule(String target) {
        if (target.isEmpty()) {
            return this;
        }
        Module m = this;
        for (String part : target.split("\\.")) {
            Module next = m.modules.get(part);
            if (next == null) {
                throw new IllegalArgumentException(m.getName() + " has no attribute `" + part + "`");
            }
            m = next;
        }
        return m;
    }

    // ------------------------------------------------------------------ traversal

    /** {@code named_parameters()}: this module's then its children's, duplicates removed. */
    public final Map<String, Parameter> namedParameters() {
        Map<String, Parameter> out = new LinkedHashMap<>();
        Set<Tensor> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Map.Entry<String, Module> e : namedModules().entrySet()) {
            String prefix = e.getKey().isEmpty() ? "" : e.getKey() + ".";
            for (Map.Entry<String, Parameter> p : e.getValue().parameters.entrySet()) {
                if (p.getValue() != null && seen.add(p.getValue())) {
                    out.put(prefix + p.getKey(), p.getValue());
                }
            }
        }
        return out;
    }

    /** {@code parameters()}. */
    public final List<Parameter> parameters() {
        return new ArrayList<>(namedParameters().values());
    }

    /** {@code named_buffers()}. */
    public final Map<String, Tensor> namedBuffers() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        Set<Tensor> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Map.Entry<String, Module> e : namedModules().entrySet()) {
            String prefix = e.getKey().isEmpty() ? "" : e.getKey() + ".";
            for (Map.Entry<String, Tensor> b : e.getValue().buffers.entrySet()) {
                if (b.getValue() != null && seen.add(b.getValue())) {
                    out.put(prefix + b.getKey(), b.getValue());
                }
            }
        }
        return out;
    }

    /** {@code buffers()}. */
    public final List<Tensor> buffers() {
        return new ArrayList<>(namedBuffers().values());
    }

    /** {@code named_children()}. */
    public final Map<String, Module> namedChildren() {
        return Collections.unmodifiableMap(modules);
    }

    /** {@code children()}. */
    public final List<Module> children() {
        return new ArrayList<>(modules.values());
    }

    /** The children in order without {@link #children()}'s copy, for forward passes (read only). */
    final Collection<Module> childModules() {
        return Collections.unmodifiableCollection(modules.values());
    }

    /** {@code named_modules()}: pre-order, this module first under the empty name, duplicates removed. */
    public final Map<String, Module> namedModules() {
        Map<String, Module> out = new LinkedHashMap<>();
        Set<Module> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayList<Object[]> stack = new ArrayList<>();
        stack.add(new Object[] {"", this});
        while (!stack.isEmpty()) {
            Object[] top = stack.remove(stack.size() - 1);
            Module m = (Module) top[1];
            if (m == null || !seen.add(m)) {
                continue;
            }
            String name = (String) top[0];
            out.put(name, m);
            List<Map.Entry<String, Module>> kids = new ArrayList<>(m.modules.entrySet());
            for (int i = kids.size() - 1; i >= 0; i--) {
                String child = name.isEmpty() ? kids.get(i).getKey() : name + "." + kids.get(i).getKey();
                stack.add(new Object[] {child, kids.get(i).getValue()});
            }
        }
        return out;
    }

    /** {@code modules()}. */
    public final List<Module> modules() {
        return new ArrayList<>(namedModules().values());
    }

    /** {@code apply(fn)}: {@code fn} on every submodule (children first) and then on this module. */
    public final Module apply(Consumer<Module> fn) {
        for (Module m : modules.values()) {
            if (m != null) {
                m.apply(fn);
            }
        }
        fn.accept(this);
        return this;
    }

    // ------------------------------------------------------------------ modes and gradients

    /** {@code train(mode)} on this module and all descendants. */
    public Module train(boolean mode) {
        for (Module m : modules()) {
            m.training = mode;
        }
        return this;
    }

    /** {@code train()}. */
    public final Module train() {
        return train(true);
    }

    /** {@code eval()}. */
    public final Module eval() {
        return train(false);
    }

    /** {@code module.training}. */
    public final boolean isTraining() {
        return training;
    }

    /** {@code zero_grad()}: sets every parameter's grad to null (PyTorch 2's set_to_none=True). */
    public final void zeroGrad() {
        zeroGrad(true);
    }

    /** {@code zero_grad(set_to_none)}: with false, zeroes existing gradients in place. */
    public final void zeroGrad(boolean setToNone) {
        for (Parameter p : parameters()) {
            Tensor g = p.grad();
            if (g == null) {
                continue;
            }
            if (setToNone) {
                p.setGrad(null);
            } else {
                try (GradMode.Guard ignored = GradMode.noGrad()) {
                    g.detach_().zero_();
                }
            }
        }
    }

    /** {@code requires_grad_(flag)} on every parameter. */
    public final Module requiresGrad_(boolean flag) {
        for (Parameter p : parameters()) {
            p.requiresGrad_(flag);
        }
        return this;
    }

    /** {@code to(dtype)}: converts floating parameters and buffers in place (their identity is kept). */
    public final Module to(DType dtype) {
        if (!dtype.isFloatingPoint()) {
            throw new IllegalArgumentException("nn.Module.to only accepts floating point dtypes, but got desired dtype="
                    + dtype);
        }
        try (GradMode.Guard ignored = GradMode.noGrad()) {
            for (Module m : modules()) {
                for (Parameter p : m.parameters.values()) {
                    if (p != null && p.dtype().isFloatingPoint()) {
                        p.setData(p.to(dtype));
                        if (p.grad() != null) {
                            p.grad().setData(p.grad().to(dtype));
                        }
                    }
                }
                for (Map.Entry<String, Tensor> b : m.buffers.entrySet()) {
                    Tensor t = b.getValue();
                    if (t != null && t.dtype().isFloatingPoint()) {
                        t.setData(t.to(dtype));
                    }
                }
            }
        }
        return this;
    }

    // ------------------------------------------------------------------ state dict

    /**
     * {@code state_dict()}: parameters then persistent buffers of each module in pre-order, keyed
     * like PyTorch ({@code h1.weight}, {@code bn.running_mean}); values are detached and share storage.
     */
    public final Map<String, Tensor> stateDict() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, Module> e : namedModules().entrySet()) {
            String prefix = e.getKey().isEmpty() ? "" : e.getKey() + ".";
            Module m = e.getValue();
            for (Map.Entry<String, Parameter> p : m.parameters.entrySet()) {
                if (p.getValue() != null) {
                    out.put(prefix + p.getKey(), p.getValue().detach());
                }
            }
            for (Map.Entry<String, Tensor> b : m.buffers.entrySet()) {
                if (b.getValue() != null && !m.nonPersistent.contains(b.getKey())) {
                    out.put(prefix + b.getKey(), b.getValue().detach());
                }
            }
        }
        return out;
    }

    /** {@code load_state_dict(state_dict)} with {@code strict=True}. */
    public final IncompatibleKeys loadStateDict(Map<String, Tensor> stateDict) {
        return loadStateDict(stateDict, true);
    }

    /**
     * {@code load_state_dict(state_dict, strict)}: copies values into the existing parameters and
     * buffers (casting dtype). Everything is validated first: a shape mismatch, or with
     * {@code strict} a missing or unexpected key, raises PyTorch's message and changes nothing.
     */
    public final IncompatibleKeys loadStateDict(Map<String, Tensor> stateDict, boolean strict) {
        Map<String, Tensor> own = stateDict();
        Map<String, Tensor> targets = new LinkedHashMap<>();
        for (Map.Entry<String, Module> e : namedModules().entrySet()) {
            String prefix = e.getKey().isEmpty() ? "" : e.getKey() + ".";
            Module m = e.getValue();
            m.parameters.forEach((k, v) -> {
                if (v != null) {
                    targets.put(prefix + k, v);
                }
            });
            m.buffers.forEach((k, v) -> {
                if (v != null && !m.nonPersistent.contains(k)) {
                    targets.put(prefix + k, v);
                }
            });
        }
        List<String> missing = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (String k : own.keySet()) {
            Tensor v = stateDict.get(k);
            if (v == null) {
                missing.add(k);
                continue;
            }
            Tensor t = targets.get(k);
            if (!Arrays.equals(v.sizes(), t.sizes())) {
                errors.add("size mismatch for " + k + ": copying a param with shape " + v.shape()
                        + " from checkpoint, the shape in current model is " + t.shape() + ".");
            }
        }
        for (String k : stateDict.keySet()) {
            if (!own.containsKey(k)) {
                unexpected.add(k);
            }
        }
        if (strict) {
            if (!unexpected.isEmpty()) {
                errors.add(0, "Unexpected key(s) in state_dict: " + quoted(unexpected) + ". ");
            }
            if (!missing.isEmpty()) {
                errors.add(0, "Missing key(s) in state_dict: " + quoted(missing) + ". ");
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("Error(s) in loading state_dict for " + getName() + ":\n\t"
                    + String.join("\n\t", errors));
        }
        try (GradMode.Guard ignored = GradMode.noGrad()) {
            for (Map.Entry<String, Tensor> e : targets.entrySet()) {
                Tensor v = stateDict.get(e.getKey());
                if (v != null) {
                    e.getValue().copy_(v);
                }
            }
        }
        return new IncompatibleKeys(missing, unexpected);
    }

    private static String quoted(List<String> keys) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < keys.size(); i++) {
            sb.append(i > 0 ? ", " : "").append('"').append(keys.get(i)).append('"');
        }
        return sb.toString();
    }

    /**
     * Saves {@link #stateDict()} as a safetensors file with PyTorch's key names and
     * {@code {"format": "pt"}} metadata, as {@code safetensors.torch.save_file(model.state_dict(), path)}
     * does. The file is written to a temporary name and renamed, so a crash never leaves half a file.
     */
    public final void save(Path path) {
        Map<String, NDArray> arrays = new LinkedHashMap<>();
        stateDict().forEach((k, v) -> arrays.put(k, v.array()));
        Safetensors.save(arrays, path, Map.of("format", "pt"));
    }

    /**
     * Loads weights saved by {@link #save} or by PyTorch's {@code save_file(model.state_dict(), path)}
     * with {@code strict=True}: the file and then the keys and shapes are validated before any
     * parameter changes.
     */
    public final IncompatibleKeys load(Path path) {
        return load(path, true);
    }

    /** {@link #load(Path)} with PyTorch's {@code strict} flag. */
    public final IncompatibleKeys load(Path path, boolean strict) {
        Map<String, Tensor> sd = new LinkedHashMap<>();
        Safetensors.load(path).forEach((k, v) -> sd.put(k, new Tensor(v)));
        return loadStateDict(sd, strict);
    }

    // ------------------------------------------------------------------ printing

    /** The class name PyTorch prints ({@code type(self).__name__}). */
    public String getName() {
        String n = getClass().getSimpleName();
        return n.isEmpty() ? getClass().getName().replaceAll(".*[.$]", "") : n;
    }

    /** {@code extra_repr()}: the constructor arguments shown inside the parentheses. */
    public String extraRepr() {
        return "";
    }

    /** PyTorch's module repr: {@code Model0(\n  (h1): Linear(in_features=3, ...)\n)}. */
    @Override
    public String toString() {
        List<String> lines = new ArrayList<>();
        String extra = extraRepr();
        if (!extra.isEmpty()) {
            lines.addAll(Arrays.asList(extra.split("\n", -1)));
        }
        lines.addAll(childLines());
        StringBuilder sb = new StringBuilder(getName()).append('(');
        if (!lines.isEmpty()) {
            if (extra.isEmpty() || !modules.isEmpty() || lines.size() > 1) {
                sb.append("\n  ").append(String.join("\n  ", lines)).append('\n');
            } else {
                sb.append(extra);
            }
        }
        return sb.append(')').toString();
    }

    /** One entry per child: {@code (name): repr}, nested reprs indented by two spaces. */
    List<String> childLines() {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, Module> e : modules.entrySet()) {
            String repr = e.getValue() == null ? "None" : indent(e.getValue().toString());
            lines.add("(" + e.getKey() + "): " + repr);
        }
        return lines;
    }

    static String indent(String s) {
        return s.replace("\n", "\n  ");
    }
}
