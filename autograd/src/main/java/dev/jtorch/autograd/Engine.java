package dev.jtorch.autograd;

import dev.jtorch.Tensor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.UnaryOperator;

/**
 * The backward engine. It walks the graph iteratively (no recursion, so graphs of any depth
 * work), counts each node's dependencies, and runs a node once all gradients for it have
 * arrived, latest-created first (PyTorch's order, so sums happen in the same order). Without
 * {@code retainGraph} each node frees its saved tensors after it runs.
 */
final class Engine {
    private Engine() {}

    /**
     * Runs backward from {@code roots} with {@code grads}. When {@code captures} is non-null
     * (autograd.grad), gradients arriving at those tensors are returned instead of being
     * accumulated into leaves.
     */
    static Tensor[] run(Tensor[] roots, Tensor[] grads, boolean retainGraph, boolean createGraph, Tensor[] captures) {
        Map<Node, Tensor[]> buffers = new IdentityHashMap<>();
        List<Node> rootNodes = new ArrayList<>();
        for (int i = 0; i < roots.length; i++) {
            AutogradMeta m = roots[i].autogradMeta();
            Node fn = m.gradFn();
            Node n = fn != null ? fn : AccumulateGrad.of(roots[i]);
            int nr = fn != null ? m.outputNr : 0;
            accumulate(buffers, n, nr, grads[i]);
            rootNodes.add(n);
        }
        Map<Node, Integer> deps = dependencies(rootNodes);

        // Capture points for autograd.grad: (node, output) -> index into the result.
        Map<Node, int[]> captureAt = null;
        Tensor[] captured = null;
        Map<Node, Boolean> needed = null;
        if (captures != null) {
            captured = new Tensor[captures.length];
            captureAt = new IdentityHashMap<>();
            for (int i = 0; i < captures.length; i++) {
                AutogradMeta m = captures[i].autogradMeta();
                Node fn = m.gradFn();
                Node n = fn != null ? fn : (captures[i].requiresGrad() ? AccumulateGrad.of(captures[i]) : null);
                if (n == null) {
                    throw new IllegalArgumentException("One of the differentiated Tensors does not require grad");
                }
                int[] slot = captureAt.computeIfAbsent(n, k -> new int[n.numOutputs()]);
                if (slot.length > 0) {
                    slot[fn != null ? m.outputNr : 0] = i + 1;
                }
            }
            needed = neededNodes(rootNodes, captureAt);
        }

        PriorityQueue<Node> ready = new PriorityQueue<>((a, b) -> Long.compare(b.sequenceNr, a.sequenceNr));
        for (Node n : rootNodes) {
            if (deps.getOrDefault(n, 0) == 0 && !ready.contains(n)) {
                ready.add(n);
            }
        }
        try (GradMode.Guard ignored = GradMode.setGradEnabled(createGraph)) {
            while (!ready.isEmpty()) {
                Node node = ready.poll();
                Tensor[] in = buffers.remove(node);
                if (in == null) {
                    in = new Tensor[node.numOutputs()];
                }
                runPreHooks(node, in);
                if (captureAt != null) {
                    int[] slot = captureAt.get(node);
                    if (slot != null) {
                        for (int k = 0; k < slot.length; k++) {
                            if (slot[k] > 0) {
                                captured[slot[k] - 1] = in[k];
                            }
                        }
                    }
                }
                // autograd.grad runs only nodes that lead to a capture point, and never accumulates into leaves
                boolean skip = captureAt != null && (node instanceof AccumulateGrad || !needed.containsKey(node));
                Tensor[] out = skip ? null : node.apply(in, createGraph);
                if (!retainGraph && !skip) {
                    node.release();
                }
                for (int i = 0; i < node.next.length; i++) {
                    Edge e = node.next[i];
                    if (e == null) {
                        continue;
                    }
                    if (out != null && i < out.length && out[i] != null) {
                        accumulate(buffers, e.node, e.inputNr, out[i]);
                    }
                    int left = deps.merge(e.node, -1, Integer::sum);
                    if (left == 0) {
                        ready.add(e.node);
                    }
                }
            }
        }
        return captured;
    }

    private static void runPreHooks(Node node, Tensor[] in) {
        if (node.preHooks != null) {
            for (int k = 0; k < in.length; k++) {
                List<UnaryOperator<Tensor>> hooks = node.preHooks[k];
                if (hooks == null || in[k] == null) {
                    continue;
                }
                for (UnaryOperator<Tensor> h : hooks) {
                    Tensor r = h.apply(in[k]);
                    if (r != null) {
                        in[k] = r;
                    }
                }
            }
        }
        if (node.retainGradHooks != null) {
            for (int k = 0; k < in.length; k++) {
                if (node.retainGradHooks[k] != null && in[k] != null) {
                    node.retainGradHooks[k].apply(in[k]);
                }
            }
        }
    }

    private static void accumulate(Map<Node, Tensor[]> buffers, Node n, int nr, Tensor g) {
        Tensor[] buf = buffers.computeIfAbsent(n, k -> new Tensor[Math.max(1, k.numOutputs())]);
        buf[nr] = buf[nr] == null ? g : buf[nr].add(g);
    }

    /** Number of incoming edges per node reachable from the roots (iterative DFS). */
    private static Map<Node, Integer> dependencies(List<Node> roots) {
        // a node is seen once it is a root or has an incoming edge (its first one pushes it): no second map
        Map<Node, Integer> deps = new IdentityHashMap<>();
        ArrayDeque<Node> stack = new ArrayDeque<>();
        for (Node r : roots) {
            if (!stack.contains(r)) {
                stack.push(r);
            }
        }
        List<Node> pushedRoots = new ArrayList<>(stack);
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            for (Edge e : n.next) {
                if (e == null) {
                    continue;
                }
                if (deps.merge(e.node, 1, Integer::sum) == 1 && !containsIdentity(pushedRoots, e.node)) {
                    stack.push(e.node);
                }
            }
        }
        return deps;
    }

    private static boolean containsIdentity(List<Node> nodes, Node n) {
        for (Node x : nodes) {
            if (x == n) {
                return true;
            }
        }
        return false;
    }

    /** Nodes from which some capture point can be reached: only those must run for autograd.grad. */
    private static Map<Node, Boolean> neededNodes(List<Node> roots, Map<Node, int[]> captureAt) {
        // Post-order over the graph without recursion: a node is needed if it is a capture point's
        // producer that must run to pass gradients further, or any successor is a capture point or needed.
        Map<Node, Boolean> needed = new IdentityHashMap<>();
        Map<Node, Boolean> done = new IdentityHashMap<>();
        ArrayDeque<Node> stack = new ArrayDeque<>();
        ArrayDeque<Boolean> expanded = new ArrayDeque<>();
        for (Node r : roots) {
            stack.push(r);
            expanded.push(Boolean.FALSE);
        }
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            boolean exp = expanded.pop();
            if (done.containsKey(n)) {
                continue;
            }
            if (!exp) {
                stack.push(n);
                expanded.push(Boolean.TRUE);
                for (Edge e : n.next) {
                    if (e != null && !done.containsKey(e.node)) {
                        stack.push(e.node);
                        expanded.push(Boolean.FALSE);
                    }
                }
                continue;
            }
            boolean need = false;
            for (Edge e : n.next) {
                if (e != null && (captureAt.containsKey(e.node) || needed.containsKey(e.node))) {
                    need = true;
                    break;
                }
            }
            done.put(n, Boolean.TRUE);
            if (need) {
                needed.put(n, Boolean.TRUE);
            }
        }
        return needed;
    }
}
