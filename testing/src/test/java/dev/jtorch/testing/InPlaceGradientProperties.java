package dev.jtorch.testing;

import static dev.jtorch.testing.GradientProperties.assertGradcheck;
import static dev.jtorch.testing.GradientProperties.assertGradgradcheck;

import dev.jtorch.Tensor;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Gradients through in-place ops on a non-leaf ({@code x.clone().op_(...)}): the rebased history
 * must give the out-of-place op's gradients, to second order where the op is smooth (formulas
 * that read self before the write use a clone that keeps its history; those that read the
 * result use self after the write).
 */
class InPlaceGradientProperties {
    @Property(tries = 30)
    void addAndSub(@ForAll("selfAndOther") Tensor[] s) {
        assertGradgradcheck(t -> t[0].clone().add_(t[1], -1.5).sub_(t[1], 0.5).add_(2.0).sub_(1L), s);
    }

    @Property(tries = 30)
    void mul(@ForAll("selfAndOther") Tensor[] s) {
        assertGradgradcheck(t -> t[0].clone().mul_(t[1]).mul_(-2.0), s);
    }

    @Property(tries = 30)
    void div(@ForAll("selfAndDivisor") Tensor[] s) {
        assertGradgradcheck(t -> t[0].clone().div_(t[1]).div_(4L), s);
    }

    @Property(tries = 30)
    void pow(@ForAll("positiveSelfAndOther") Tensor[] s) {
        Assume.that(s[1].detach().abs().lt(1e-3).any().item() == 0); // see BinaryGradientProperties.powTensorExponent
        assertGradgradcheck(t -> t[0].clone().pow_(2.5), s[0]);
        assertGradgradcheck(t -> t[0].clone().pow_(t[1]), s);
    }

    @Property(tries = 30)
    void smoothUnary(@ForAll("any") Tensor x) {
        assertGradgradcheck(t -> t[0].clone().exp_(), x);
        assertGradgradcheck(t -> t[0].clone().tanh_(), x);
        assertGradgradcheck(t -> t[0].clone().sigmoid_(), x);
        assertGradgradcheck(t -> t[0].clone().neg_(), x);
    }

    @Property(tries = 30)
    void positiveUnary(@ForAll("positive") Tensor x) {
        assertGradgradcheck(t -> t[0].clone().sqrt_(), x);
        assertGradgradcheck(t -> t[0].clone().log_(), x);
        assertGradgradcheck(t -> t[0].clone().rsqrt_(), x);
        assertGradgradcheck(t -> t[0].clone().reciprocal_(), x);
    }

    @Property(tries = 30)
    void kinkedUnary(@ForAll("awayFromKinks") Tensor x) {
        assertGradcheck(t -> t[0].clone().relu_(), x);
        assertGradcheck(t -> t[0].clone().abs_(), x);
        assertGradcheck(t -> t[0].clone().clamp_(-0.5, 0.8), x);
        assertGradcheck(t -> t[0].clone().clampMin_(-0.5).clampMax_(0.8), x);
        assertGradcheck(t -> t[0].clone().floor_().add(t[0]), x);
    }

    @Property(tries = 30)
    void maskedFill(@ForAll("selfAndOther") Tensor[] s) {
        Tensor mask = s[1].detach().gt(0.0);
        assertGradgradcheck(t -> t[0].clone().maskedFill_(mask, 3.0), s[0]);
        assertGradgradcheck(t -> t[0].clone().maskedFill_(mask, t[1].sum()), s);
    }

    @Property(tries = 30)
    void addcmulAndAddcdiv(@ForAll("selfAndDivisor") Tensor[] s) {
        assertGradgradcheck(t -> t[0].clone().addcmul_(t[1], t[1], 0.3), s);
        assertGradgradcheck(t -> t[0].clone().addcdiv_(t[0], t[1], -0.7), s);
    }

    @Property(tries = 30)
    void lerp(@ForAll("selfAndOther") Tensor[] s) {
        assertGradgradcheck(t -> t[0].clone().lerp_(t[1], 0.3), s);
        assertGradgradcheck(t -> t[0].clone().lerp_(t[1], t[1].sigmoid()), s);
    }

    @Property(tries = 30)
    void fillZeroAndCopy(@ForAll("selfAndOther") Tensor[] s) {
        assertGradcheck(t -> t[0].clone().fill_(2.0).add(t[0]), s[0]);
        assertGradcheck(t -> t[0].clone().zero_().add(t[0]), s[0]);
        assertGradgradcheck(t -> t[0].clone().copy_(t[1].mul(t[1])), s);
    }

    @Provide
    Arbitrary<Tensor> any() {
        return Inputs.x(-2, 2);
    }

    @Provide
    Arbitrary<Tensor> positive() {
        return Inputs.x(0.5, 2);
    }

    @Provide
    Arbitrary<Tensor> awayFromKinks() {
        return Inputs.away(-2, 2, 0.01, -2, -1, -0.5, 0, 0.8, 1, 2);
    }

    @Provide
    Arbitrary<Tensor[]> selfAndOther() {
        return Inputs.selfAndOther(-2, 2, -2, 2);
    }

    @Provide
    Arbitrary<Tensor[]> selfAndDivisor() {
        return Inputs.selfAndOther(-2, 2, 0.5, 2);
    }

    @Provide
    Arbitrary<Tensor[]> positiveSelfAndOther() {
        return Inputs.selfAndOther(0.5, 2, -2, 2);
    }
}
