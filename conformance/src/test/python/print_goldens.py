#!/usr/bin/python3
"""Writes conformance/src/test/resources/printing/goldens.txt: PyTorch's repr() of a few hundred
deterministic tensors, for PrintingConformanceTest.

Run with Debian's python3-torch (1.13.1), which installs for /usr/bin/python3:
    apt-get install -y python3-torch
    /usr/bin/python3 conformance/src/test/python/print_goldens.py

jtorch follows PyTorch 2.10's torch/_tensor_str.py. Where 2.10 prints differently from 1.13.1 the
expected string is derived from 1.13.1's own functions plus the 2.10 rule, and the case is marked
"2.10-emulated:<reason>" (see emulate_* below); every other case is 1.13.1's repr() verbatim.

File format: '#' comment lines, then one case per line, tab-separated:
    name  source  dtype  shape  options  suffixes  values  repr
shape is a Python tuple, e.g. (2, 3) or () for 0-d; options are the set_printoptions arguments;
suffixes are the caller suffixes (grad_fn=<...> / requires_grad=True) joined by '|', '-' when none;
values are the elements in row-major order, space-separated: float32 / float64 as the hex of their
IEEE bits (8 / 16 digits), int64 in decimal, bool as 0/1, '-' when empty; repr has '\\' and newlines
escaped as '\\\\' and '\\n'.
"""
import math
import os
import random
import struct

import torch
import torch._tensor_str as ts

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "printing", "goldens.txt")
DEFAULT_OPTS = dict(precision=4, threshold=1000, edgeitems=3, linewidth=80, sci_mode=None)
INF, NAN = float("inf"), float("nan")

rng = random.Random(20240611)
cases = []


# ---------------------------------------------------------------- PyTorch 2.10 emulation

_orig_formatter_init = ts._Formatter.__init__


def _formatter_init_2_10(self, tensor):
    """2.10 decides sci_mode (forced or automatic) before measuring, so the widths are measured in
    the notation that is printed; 1.13.1 measures in the automatic notation, then overrides it."""
    _orig_formatter_init(self, tensor)
    if ts.PRINT_OPTS.sci_mode is None or not self.floating_dtype:
        return
    flat = tensor.reshape(-1)
    vals = torch.masked_select(flat, torch.isfinite(flat) & flat.ne(0))
    if vals.numel() == 0:
        return
    self.max_width = 1
    self.max_width = max([1] + [len(self.format(v)) for v in vals.tolist()])


def emulate_edgeitems_zero(t, extra):
    """2.10 with edgeitems=0: a summarized tensor prints as [...] and every non-empty tensor gets a
    size=(...) suffix (1.13.1 prints whole rows after ' ...' or fails in torch.stack)."""
    if t.numel() == 0:
        return repr(t)
    body = "[...]" if t.numel() > ts.PRINT_OPTS.threshold and t.dim() > 0 else ts._tensor_str(t.detach(), 7)
    suffixes = ["size=" + str(tuple(t.shape))]
    if t.dtype not in (torch.float32, torch.int64, torch.bool):
        suffixes.append("dtype=" + str(t.dtype))
    return ts._add_suffixes("tensor(" + body, suffixes + extra, 7, False)


# ---------------------------------------------------------------- encoding

def encode_values(t):
    t = t.detach().contiguous().reshape(-1)
    if t.numel() == 0:
        return "-"
    if t.dtype == torch.float32:
        return " ".join("%08x" % struct.unpack("<I", struct.pack("<f", v))[0] for v in t.tolist())
    if t.dtype == torch.float64:
        return " ".join("%016x" % struct.unpack("<Q", struct.pack("<d", v))[0] for v in t.tolist())
    if t.dtype == torch.bool:
        return " ".join("1" if v else "0" for v in t.tolist())
    return " ".join(str(v) for v in t.tolist())


def encode_options(o):
    th = o["threshold"]
    th = "inf" if th == INF else str(th)
    return "precision=%d;threshold=%s;edgeitems=%d;linewidth=%d;sci_mode=%s" % (
        o["precision"], th, o["edgeitems"], o["linewidth"], o["sci_mode"])


def escape(s):
    assert "\t" not in s
    return s.replace("\\", "\\\\").replace("\n", "\\n")


def grad_suffixes(t):
    if t.grad_fn is not None:
        return ["grad_fn=<%s>" % type(t.grad_fn).__name__]
    return ["requires_grad=True"] if t.requires_grad else []


def add(name, t, **opts):
    """Records repr(t) under the given print options (defaults otherwise)."""
    o = dict(DEFAULT_OPTS)
    o.update(opts)
    extra = grad_suffixes(t)
    torch.set_printoptions(**o)
    try:
        try:
            plain = repr(t)
        except RuntimeError as e:  # 1.13.1 fails on summarized n-d tensors with edgeitems=0
            plain = "error: %s" % e
        ts._Formatter.__init__ = _formatter_init_2_10
        try:
            new = emulate_edgeitems_zero(t, extra) if o["edgeitems"] == 0 else repr(t)
        finally:
            ts._Formatter.__init__ = _orig_formatter_init
    finally:
        torch.set_printoptions(profile="default", sci_mode=None)
    if o["edgeitems"] == 0 and t.numel() > 0:
        source = "2.10-emulated:edgeitems=0"
    elif new != plain:
        source = "2.10-emulated:sci_mode-widths"
    else:
        source = "1.13.1"
    cases.append("\t".join([
        name, source, str(t.dtype).replace("torch.", ""), str(tuple(t.shape)), encode_options(o),
        "|".join(extra) if extra else "-", encode_values(t), escape(new)]))


def T(values, dtype=torch.float32):
    return torch.tensor(values, dtype=dtype)


# ---------------------------------------------------------------- value generators

def magnitude_values(n, lo_exp, hi_exp, signs=True, integral=False):
    out = []
    for _ in range(n):
        v = rng.uniform(1, 10) * 10.0 ** rng.randint(lo_exp, hi_exp)
        if integral:
            v = float(round(v))
        if signs and rng.random() < 0.5:
            v = -v
        out.append(v)
    return out


def sprinkle(values, specials, p=0.15):
    return [rng.choice(specials) if rng.random() < p else v for v in values]


def numel(shape):
    return math.prod(shape)


# ---------------------------------------------------------------- cases

def hand_checked():
    add("hand/1d_ints", T([1., 2.]))
    add("hand/scalar", T(1.2060))
    add("hand/scalar_int_valued", T(3.))
    add("hand/scalar_neg_zero", T(-0.))
    add("hand/scalar_nan", T(NAN))
    add("hand/scalar_ninf", T(-INF))
    add("hand/scalar_tiny", T(1e-7))
    add("hand/scalar_huge", T(3e20))
    add("hand/sci_ratio", T([1e-5, 1e3]))
    add("hand/zeros", T([0., 0.]))
    add("hand/neg_zero_and_zero", T([-0., 0.]))
    add("hand/mixed_sign", T([1., -0.5]))
    add("hand/only_nonfinite", T([NAN, INF, -INF]))
    add("hand/int_mode_nonfinite", T([1., NAN, INF, -INF, 0., -0.]))
    add("hand/fixed_nonfinite", T([1.5, NAN, -INF]))
    add("hand/sci_nonfinite", T([1e-6, NAN, -INF, 1e6]))
    add("hand/int_mode_over_1e8", T([1e8 + 8, 1.]))
    add("hand/int_mode_ratio_1000", T([1000., 1.]))
    add("hand/int_mode_ratio_1001", T([1001., 1.]))
    add("hand/min_1e-4_boundary", T([1e-4, 0.5]))
    add("hand/min_below_1e-4", T([9.99e-5, 0.5]))
    add("hand/neg_tiny_fixed", T([-1e-5, 1e-2 + 1e-5 * 0, 0.5]))
    add("hand/neg_zero_fixed", T([-0., 0.25, -1e-9 * 0]))
    add("hand/big_fixed", T([123456.78, 0.5]))
    add("hand/float32_extremes", T([3.4028234663852886e38, 1.401298464324817e-45]))
    add("hand/float32_max", T([3.4028234663852886e38, -1.]))
    add("hand/float64_extremes", T([1.7976931348623157e308, 5e-324], torch.float64))
    add("hand/float64_tiny", T([1e-300, -2.5e-310], torch.float64))
    add("hand/float64_plain", T([0.1, 0.2, 0.3], torch.float64))
    add("hand/bool", T([True, False], torch.bool))
    add("hand/bool_scalar", T(False, torch.bool))
    add("hand/bool_2d", T([[True, True], [False, True]], torch.bool))
    add("hand/int64", T([1, -20, 300], torch.int64))
    add("hand/int64_scalar", T(-7, torch.int64))
    add("hand/int64_extremes", T([2 ** 63 - 1, -2 ** 63, 0], torch.int64))
    add("hand/nested_3d", torch.arange(24.).view(2, 3, 4))
    add("hand/nested_4d", torch.arange(36.).view(2, 3, 2, 3) / 4)
    add("hand/size1_dims", T([[[[1.5]]]]))


def ties():
    # odd multiples of 1/32 are exact ties at 4 decimals; odd multiples of 1/64 in [0.1, 1) are ties
    # at 5 significant digits; dyadic x.5 values tie at 0 decimals (int mode never rounds them).
    add("ties/fixed_1_32", T([k / 32 for k in range(1, 64, 2)]))
    add("ties/fixed_1_32_neg", T([-k / 32 for k in range(1, 40, 2)] + [2.5]))
    add("ties/fixed_1_32_f64", T([k / 32 + 100 for k in range(1, 32, 2)], torch.float64))
    add("ties/sci_1_64", T([k / 64 for k in range(7, 64, 2)] + [1e-5]))
    add("ties/sci_large", T([12344.5, 12345.5, 99999.5, 10000.5, 0.5]))
    add("ties/sci_carry", T([9.99995, 99999.5, 1e-6], torch.float64))
    add("ties/precision0", T([0.5, 1.5, 2.5, 3.5, -0.5, 0.25]), precision=0)
    add("ties/precision1", T([0.25, 0.75, 1.25, -0.25]), precision=1)
    add("ties/precision2", T([0.125, 0.375, 0.625, 0.875]), precision=2)
    add("ties/precision2_sci", T([0.125, 0.375, 0.625, 0.875, 1e-6]), precision=2)
    add("ties/precision6", T([k / 128 for k in range(1, 20, 2)], torch.float64), precision=6)
    add("ties/near_ties_f32", T([0.03125 + 1e-9, 0.09375 - 1e-9, 1.00005, 2.00015]))
    add("ties/float_0_1", T([0.1, 0.7, 1.1, 2.675, 1.005, 0.045]))
    add("ties/float_0_1_f64", T([0.1, 0.7, 1.1, 2.675, 1.005, 0.045], torch.float64))


def random_magnitudes():
    shapes = [(), (1,), (5,), (7,), (13,), (2, 3), (3, 1), (4, 6), (2, 3, 4), (1, 2, 3, 2), (2, 2, 2, 2), (3, 9)]
    for lo in range(-10, 13, 2):
        for k, shape in enumerate(shapes[lo % 3::3]):
            n = numel(shape)
            for dtype in (torch.float32, torch.float64):
                vals = magnitude_values(n, lo, lo + rng.choice([0, 1, 2, 3, 4]))
                add("random/mag%+d_%s_%s_%d" % (lo, dtype_name(dtype), shape_name(shape), k),
                    T(vals, dtype).reshape(shape))


def random_mixed():
    specials = [0.0, -0.0, NAN, INF, -INF]
    for i in range(40):
        shape = rng.choice([(6,), (11,), (3, 4), (2, 5), (2, 2, 3), (1, 3, 1, 4), (17,)])
        lo = rng.randint(-8, 9)
        vals = magnitude_values(numel(shape), lo, lo + rng.randint(0, 5), integral=rng.random() < 0.3)
        vals = sprinkle(vals, specials, p=rng.choice([0.0, 0.1, 0.3, 0.8]))
        dtype = rng.choice([torch.float32, torch.float64])
        add("mixed/%02d_%s_%s" % (i, dtype_name(dtype), shape_name(shape)), T(vals, dtype).reshape(shape))


def integral_floats():
    for i, (lo, hi) in enumerate([(0, 0), (0, 2), (0, 3), (1, 4), (2, 7), (6, 8), (7, 9), (9, 12)]):
        vals = magnitude_values(9, lo, hi, integral=True)
        add("intvalued/%d_e%d_%d" % (i, lo, hi), T(vals))
        add("intvalued/%d_e%d_%d_f64" % (i, lo, hi), T(vals, torch.float64))
    add("intvalued/with_zero_neg", T([-3., 0., 12., -0., 100.]))


def integers_and_bools():
    for i in range(12):
        shape = rng.choice([(4,), (9,), (2, 7), (3, 2, 2), (30,), ()])
        bits = rng.choice([3, 8, 16, 33, 62])
        vals = [rng.randint(-2 ** bits, 2 ** bits) for _ in range(numel(shape))]
        add("int64/%02d_%s" % (i, shape_name(shape)), T(vals, torch.int64).reshape(shape))
    for i in range(6):
        shape = rng.choice([(3,), (8,), (2, 5), (2, 2, 2), (40,)])
        vals = [rng.random() < 0.5 for _ in range(numel(shape))]
        add("bool/%02d_%s" % (i, shape_name(shape)), T(vals, torch.bool).reshape(shape))
    add("bool/all_true", torch.ones(6, dtype=torch.bool))
    add("int64/arange_2000", torch.arange(2000))
    add("int64/summarized_2d", torch.arange(-1200, 1200).view(48, 50) * 1000003)
    add("bool/summarized", torch.arange(1500).view(30, 50) % 3 == 0)


def empties():
    for shape in [(0,), (0, 3), (3, 0), (2, 0, 4), (0, 0), (1, 0, 1)]:
        for dtype in (torch.float32, torch.float64, torch.int64, torch.bool):
            add("empty/%s_%s" % (dtype_name(dtype), shape_name(shape)), torch.empty(shape, dtype=dtype))
    add("empty/requires_grad", torch.empty(0, requires_grad=True))
    add("empty/requires_grad_f64_2d", torch.empty(0, 3, dtype=torch.float64, requires_grad=True))


def wrapping():
    for n in [8, 9, 10, 11, 12, 13, 20, 33, 100]:
        add("wrap/fixed_%d" % n, T(magnitude_values(n, -1, 0)))
        add("wrap/sci_%d_f64" % n, T(magnitude_values(n, -6, 3), torch.float64))
    for n in [16, 26, 27, 40, 77]:
        add("wrap/int_%d" % n, T([rng.randint(-9, 99) for _ in range(n)], torch.int64))
    add("wrap/rows_2d", T(magnitude_values(3 * 30, -2, 1)).view(3, 30))
    add("wrap/rows_3d", T(magnitude_values(2 * 2 * 25, 0, 2, integral=True)).view(2, 2, 25))
    add("wrap/rows_4d", T(magnitude_values(2 * 2 * 2 * 15, -3, -1)).view(2, 2, 2, 15))
    add("wrap/single_per_line", T(magnitude_values(5, -3, 3)), linewidth=10)
    add("wrap/linewidth_120", T(magnitude_values(40, -1, 1)), linewidth=120)
    add("wrap/linewidth_40_2d", T(magnitude_values(24, -1, 1)).view(3, 8), linewidth=40)


def summarization():
    for shape in [(1001,), (2000,), (40, 50), (1000, 2), (2, 1000), (10, 10, 11), (3, 5, 7, 11), (7, 7, 7, 7),
                  (1, 1001), (6, 200), (7, 200)]:
        for lo in (-2, 1):
            vals = magnitude_values(numel(shape), lo, lo + 2)
            add("summ/%s_e%d" % (shape_name(shape), lo), T(vals).reshape(shape))
    # the formatter sees only the printed corners: a huge value in the hidden middle changes nothing
    v = torch.linspace(0.5, 1.5, 2000)
    v[1000] = 1e30
    add("summ/hidden_outlier", v)
    v2 = torch.linspace(1, 3, 1500).view(30, 50).double()
    v2[15, 25] = -1e-9
    add("summ/hidden_outlier_2d_f64", v2)
    add("summ/threshold_5", T([1., 2., 3., 4., 5., 6., 7.]), threshold=5)
    add("summ/threshold_5_2d", torch.arange(12.).view(3, 4), threshold=5)
    add("summ/threshold_0_scalar", T(2.5), threshold=0)
    add("summ/edgeitems_1", torch.arange(30.).view(5, 6) / 7, threshold=10, edgeitems=1)
    add("summ/edgeitems_5", torch.arange(1200.) / 3, edgeitems=5)
    add("summ/edgeitems_2_3d", torch.arange(1800.).view(12, 10, 15), edgeitems=2)
    add("summ/full_profile", torch.arange(1100.).view(11, 100) / 9, threshold=INF)


def suffix_placement():
    # 1-D float64 lengths whose last line ends near the 80 column limit, with and without autograd
    for n in range(1, 13):
        vals = magnitude_values(n, -1, 0)
        x = T(vals, torch.float64)
        add("suffix/f64_%d" % n, x)
        xg = T(vals, torch.float64).requires_grad_()
        add("suffix/f64_leaf_%d" % n, xg)
        add("suffix/f64_add_%d" % n, xg + 1)
    for n in (5, 6, 7, 8, 9, 10):
        x = T(magnitude_values(n, 2, 3, integral=True)).requires_grad_()
        add("suffix/f32_int_leaf_%d" % n, x)
        add("suffix/f32_mul_%d" % n, x * 2)
    for n in (6, 7, 8):
        x = T(magnitude_values(n, -7, 3), torch.float64).requires_grad_()
        add("suffix/f64_sci_exp_%d" % n, x.exp() if n < 7 else x * 3)
    x = torch.tensor([[0.5, -1.25], [2.0, 4.0]], requires_grad=True)
    add("suffix/sum", x.sum())
    add("suffix/mean", x.mean())
    add("suffix/t", x.t())
    add("suffix/view", x.view(4, 1))
    add("suffix/mm", x @ x)
    add("suffix/to_double", x.double())
    add("suffix/nll", torch.nn.functional.nll_loss(torch.log_softmax(x, 1), torch.tensor([0, 1])))
    add("suffix/relu_3d", torch.relu(torch.arange(-12., 12.).view(2, 3, 4).requires_grad_() * 1.5))
    add("suffix/narrow_linewidth", (T([1.5, 2.5], torch.float64).requires_grad_() * 2), linewidth=30)
    add("suffix/summarized_f64", (torch.arange(1500., dtype=torch.float64).view(30, 50).requires_grad_() / 7))


def options():
    x = T([1.12345, -2.5, 300.25, 0.001])
    for p in (0, 1, 2, 6, 8, 10):
        add("opts/precision_%d" % p, x, precision=p)
        add("opts/precision_%d_sci" % p, T([1.12345e-7, 2.5, 3e5]), precision=p)
    add("opts/precision_8_f64", T([math.pi, math.e, -1 / 3], torch.float64), precision=8)
    add("opts/precision_12_f64_sci", T([math.pi * 1e-9, math.e, -1 / 3], torch.float64), precision=12)
    add("opts/precision_17_f64", T([math.pi, 0.1], torch.float64), precision=17)
    for sci in (True, False):
        tag = "sci" if sci else "fixed"
        add("opts/%s_auto_fixed" % tag, T([1.5, -2.25, 100.]), sci_mode=sci)
        add("opts/%s_auto_sci" % tag, T([1e-5, 1e3, -0.5]), sci_mode=sci)
        add("opts/%s_int_mode" % tag, T([1., 2., -300.]), sci_mode=sci)
        add("opts/%s_int_mode_big" % tag, T([1., 1e9, -5.]), sci_mode=sci)
        add("opts/%s_zeros" % tag, T([0., -0.]), sci_mode=sci)
        add("opts/%s_nonfinite" % tag, T([NAN, 2.5, INF]), sci_mode=sci)
        add("opts/%s_tiny_f64" % tag, T([1e-12, 3e-11], torch.float64), sci_mode=sci)
        add("opts/%s_2d" % tag, T(magnitude_values(12, -3, 2)).view(3, 4), sci_mode=sci)
        add("opts/%s_int64" % tag, T([1, 10, 100], torch.int64), sci_mode=sci)
        add("opts/%s_summarized" % tag, torch.arange(2000.) / 1000 + 1e-6, sci_mode=sci)
    add("opts/short_profile", torch.arange(1200.).view(30, 40) / 13, precision=2, edgeitems=2)
    add("opts/short_profile_small", T([1.12345, 2.]), precision=2, edgeitems=2)
    add("opts/linewidth_20", T([1., 2., 3., 4.]), linewidth=20)
    add("opts/linewidth_5", T([1.5, 2.5]).view(1, 2), linewidth=5)
    add("opts/linewidth_200", T(magnitude_values(60, -2, 0)).view(2, 30), linewidth=200)
    add("opts/linewidth_30_suffix", T([1.5, 2.5], torch.float64), linewidth=30)
    add("opts/threshold_3_int64", T([1, 2, 3, 4, 5, 6, 7, 8], torch.int64), threshold=3)
    # PyTorch 2.10's edgeitems=0 rule (1.13.1 differs)
    add("opts/edge0_small", T([1., 2.]), edgeitems=0)
    add("opts/edge0_summarized_1d", torch.arange(2000), edgeitems=0)
    add("opts/edge0_summarized_2d_f64", torch.zeros(40, 50, dtype=torch.float64), edgeitems=0)
    add("opts/edge0_grad", T([0.5, 1.5]).requires_grad_() * 2, edgeitems=0)
    add("opts/edge0_empty", torch.empty(0, 3), edgeitems=0)
    # fixed notation forced on values beyond 2^52 (exact decimal expansion of the binary value)
    add("opts/fixed_huge", T([3e20, -0.5]), sci_mode=False)
    add("opts/fixed_huge_int_mode", T([1e20, 1.]), sci_mode=False)
    add("opts/fixed_huge_f64", T([1.5e300, 2.5], torch.float64), sci_mode=False, precision=2)
    add("opts/sci_subnormal_f64", T([5e-324, 1.0], torch.float64), sci_mode=True)


def dtype_name(d):
    return str(d).replace("torch.", "")


def shape_name(s):
    return "x".join(str(d) for d in s) if s else "0d"


def main():
    torch.set_printoptions(profile="default", sci_mode=None)
    hand_checked()
    ties()
    random_magnitudes()
    random_mixed()
    integral_floats()
    integers_and_bools()
    empties()
    wrapping()
    summarization()
    suffix_placement()
    options()
    names = [c.split("\t", 1)[0] for c in cases]
    assert len(names) == len(set(names)), "duplicate case names"
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="ascii", newline="\n") as f:
        f.write("# PyTorch repr() goldens for jtorch's TensorFormatter; generated by "
                "conformance/src/test/python/print_goldens.py with Debian python3-torch 1.13.1 "
                "(torch.__version__ %s).\n" % torch.__version__)
        f.write("# Format: name, source, dtype, shape, options, suffixes, values, repr (tab-separated); "
                "see the script.\n")
        for c in cases:
            f.write(c + "\n")
    print("wrote %d cases to %s" % (len(cases), os.path.normpath(OUT)))


if __name__ == "__main__":
    main()
