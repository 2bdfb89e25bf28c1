package dev.jtorch.autograd;

/** One input of a graph node: the node that receives its gradient and which of that node's outputs it was. */
public final class Edge {
    final Node node;
    final int inputNr;

    Edge(Node node, int inputNr) {
        this.node = node;
        this.inputNr = inputNr;
    }

    /** The receiving node ({@code grad_fn.next_functions[i][0]}). */
    public Node node() {
        return node;
    }

    /** The output index of {@link #node()} this edge feeds ({@code next_functions[i][1]}). */
    public int inputNr() {
        return inputNr;
    }
}
