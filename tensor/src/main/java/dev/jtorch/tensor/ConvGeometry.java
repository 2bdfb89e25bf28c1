package dev.jtorch.tensor;

/**
 * The geometry of one 2-d convolution problem (1-d problems are 2-d with {@code H = kh = 1}):
 * an input {@code [N, C, H, W]}, a weight {@code [O, C/groups, kh, kw]}, an output
 * {@code [N, O, OH, OW]}. Output position {@code (oh, ow)} and kernel tap {@code (ki, kj)} read
 * input row {@code oh * sh - ph + ki * dh} and column {@code ow * sw - pw + kj * dw}; positions
 * outside the input are zero padding. The output size is given explicitly (not derived from a
 * right/bottom padding), so the same geometry serves the forward product, both backward products
 * and the transposed convolution, whose output size PyTorch fixes with {@code output_padding}.
 */
final class ConvGeometry {
    final int n;
    final int c;
    final int h;
    final int w;
    final int o;
    final int groups;
    final int kh;
    final int kw;
    final int sh;
    final int sw;
    final int ph;
    final int pw;
    final int dh;
    final int dw;
    final int oh;
    final int ow;

    ConvGeometry(int n, int c, int h, int w, int o, int groups, int kh, int kw, int sh, int sw,
                 int ph, int pw, int dh, int dw, int oh, int ow) {
        this.n = n;
        this.c = c;
        this.h = h;
        this.w = w;
        this.o = o;
        this.groups = groups;
        this.kh = kh;
        this.kw = kw;
        this.sh = sh;
        this.sw = sw;
        this.ph = ph;
        this.pw = pw;
        this.dh = dh;
        this.dw = dw;
        this.oh = oh;
        this.ow = ow;
    }

    /** Input channels per group. */
    int cg() {
        return c / groups;
    }

    /** Output channels per group. */
    int og() {
        return o / groups;
    }

    /** Rows of the column matrix: one per (channel of the group, kernel tap). */
    int k() {
        return cg() * kh * kw;
    }

    /** Output positions per channel: the columns of the column matrix. */
    int p() {
        return oh * ow;
    }

    /** Multiply-adds of one product (forward or either backward). */
    long work() {
        return (long) n * o * k() * p();
    }

    /** A 1x1, stride-1, unpadded kernel reads the input itself as its column matrix. */
    boolean direct() {
        return kh == 1 && kw == 1 && sh == 1 && sw == 1 && ph == 0 && pw == 0 && oh == h && ow == w;
    }
}
