package dev.jtorch.conformance;

import java.util.List;
import java.util.function.Function;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * PyTorch 2.x's {@code torch.optim._single_tensor_*} updates written with libtorch tensor ops, op
 * for op as the Python source (torch/optim/sgd.py, adam.py, rmsprop.py, adagrad.py): the reference
 * where the C++ {@code torch::optim} classes use a different op order (Adam's {@code lerp_}) or lack
 * an option ({@code maximize}). Python floats are passed as double {@link Scalar}s, as the Python
 * binding does; bias corrections are computed in double from {@code step.item()}.
 */
final class PythonReference {
    private PythonReference() {
    }

    private static Scalar s(double v) {
        return new Scalar(v);
    }

    /** {@code torch.tensor(0.0)}: the float32 step counter. */
    private static Tensor newStep() {
        return torch.scalar_tensor(s(0.0));
    }

    static Function<List<Tensor>, OptimizerConformanceTest.TorchSide> sgd(double lr, double momentum, double dampening, double wd,
            boolean nesterov, boolean maximize) {
        return params -> {
            Tensor[] bufs = new Tensor[params.size()];
            return (ps, grads) -> {
                for (int i = 0; i < ps.size(); i++) {
                    Tensor p = ps.get(i);
                    Tensor g = maximize ? grads.get(i).neg() : grads.get(i);
                    if (wd != 0) {
                        g = g.add(p, s(wd));
                    }
                    if (momentum != 0) {
                        if (bufs[i] == null) {
                            bufs[i] = g.clone().detach();
                        } else {
                            bufs[i].mul_(s(momentum)).add_(g, s(1 - dampening));
                        }
                        g = nesterov ? g.add(bufs[i], s(momentum)) : bufs[i];
                    }
                    p.add_(g, s(-lr));
                }
            };
        };
    }

    static Function<List<Tensor>, OptimizerConformanceTest.TorchSide> adam(double lr, double beta1, double beta2, double eps, double wd,
            boolean amsgrad, boolean maximize, boolean decoupled) {
        return params -> {
            int n = params.size();
            Tensor[] step = new Tensor[n];
            Tensor[] expAvg = new Tensor[n];
            Tensor[] expAvgSq = new Tensor[n];
            Tensor[] maxExpAvgSq = new Tensor[n];
            return (ps, grads) -> {
                for (int i = 0; i < n; i++) {
                    Tensor p = ps.get(i);
                    if (step[i] == null) {
                        step[i] = newStep();
                        expAvg[i] = torch.zeros_like(p);
                        expAvgSq[i] = torch.zeros_like(p);
                        maxExpAvgSq[i] = torch.zeros_like(p);
                    }
                    Tensor g = maximize ? grads.get(i).neg() : grads.get(i);
                    step[i].add_(s(1));
                    if (wd != 0) {
                        if (decoupled) {
                            p.mul_(s(1 - lr * wd));
                        } else {
                            g = g.add(p, s(wd));
                        }
                    }
                    expAvg[i].lerp_(g, s(1 - beta1));
                    expAvgSq[i].mul_(s(beta2)).addcmul_(g, g, s(1 - beta2));
                    double t = step[i].item_double();
                    double bc1 = 1 - Math.pow(beta1, t);
                    double bc2 = 1 - Math.pow(beta2, t);
                    double stepSize = lr / bc1;
                    double bc2Sqrt = Math.sqrt(bc2);
                    Tensor v = expAvgSq[i];
                    if (amsgrad) {
                        torch.maximum_out(maxExpAvgSq[i], maxExpAvgSq[i], expAvgSq[i]);
                        v = maxExpAvgSq[i];
                    }
                    Tensor denom = v.sqrt().div(s(bc2Sqrt)).add_(s(eps));
                    p.addcdiv_(expAvg[i], denom, s(-stepSize));
                }
            };
        };
    }

    static Function<List<Tensor>, OptimizerConformanceTest.TorchSide> rmsprop(double lr, double alpha, double eps, double wd, double momentum,
            boolean centered, boolean maximize) {
        return params -> {
            int n = params.size();
            Tensor[] squareAvg = new Tensor[n];
            Tensor[] buf = new Tensor[n];
            Tensor[] gradAvg = new Tensor[n];
            return (ps, grads) -> {
                for (int i = 0; i < n; i++) {
                    Tensor p = ps.get(i);
                    if (squareAvg[i] == null) {
                        squareAvg[i] = torch.zeros_like(p);
                        buf[i] = torch.zeros_like(p);
                        gradAvg[i] = torch.zeros_like(p);
                    }
                    Tensor g = maximize ? grads.get(i).neg() : grads.get(i);
                    if (wd != 0) {
                        g = g.add(p, s(wd));
                    }
                    squareAvg[i].mul_(s(alpha)).addcmul_(g, g, s(1 - alpha));
                    Tensor avg;
                    if (centered) {
                        gradAvg[i].lerp_(g, s(1 - alpha));
                        avg = squareAvg[i].addcmul(gradAvg[i], gradAvg[i], s(-1)).sqrt_();
                    } else {
                        avg = squareAvg[i].sqrt();
                    }
                    avg = avg.add_(s(eps));
                    if (momentum > 0) {
                        buf[i].mul_(s(momentum)).addcdiv_(g, avg);
                        p.add_(buf[i], s(-lr));
                    } else {
                        p.addcdiv_(g, avg, s(-lr));
                    }
                }
            };
        };
    }

    static Function<List<Tensor>, OptimizerConformanceTest.TorchSide> adagrad(double lr, double lrDecay, double wd, double initialAccumulator,
            double eps, boolean maximize) {
        return params -> {
            int n = params.size();
            Tensor[] sum = new Tensor[n];
            int[] step = new int[n];
            for (int i = 0; i < n; i++) {
                sum[i] = torch.full_like(params.get(i), s(initialAccumulator));
            }
            return (ps, grads) -> {
                for (int i = 0; i < n; i++) {
                    Tensor p = ps.get(i);
                    Tensor g = maximize ? grads.get(i).neg() : grads.get(i);
                    double t = ++step[i];
                    if (wd != 0) {
                        g = g.add(p, s(wd));
                    }
                    double clr = lr / (1 + (t - 1) * lrDecay);
                    sum[i].addcmul_(g, g, s(1));
                    Tensor std = sum[i].sqrt().add_(s(eps));
                    p.addcdiv_(g, std, s(-clr));
                }
            };
        };
    }
    static Function<List<Tensor>, OptimizerConformanceTest.TorchSide> adamax(double lr, double beta1, double beta2, double eps, double wd,
            boolean maximize) {
        return params -> {
            int n = params.size();
            Tensor[] step = new Tensor[n];
            Tensor[] expAvg = new Tensor[n];
            Tensor[] expInf = new Tensor[n];
            return (ps, grads) -> {
                for (int i = 0; i < n; i++) {
                    Tensor p = ps.get(i);
                    if (step[i] == null) {
                        step[i] = newStep();
                        expAvg[i] = torch.zeros_like(p);
                        expInf[i] = torch.zeros_like(p);
                    }
                    Tensor g = maximize ? grads.get(i).neg() : grads.get(i);
                    step[i].add_(s(1));
                    if (wd != 0) {
                        g = g.add(p, s(wd));
                    }
                    expAvg[i].lerp_(g, s(1 - beta1));
                    torch.maximum_out(expInf[i], expInf[i].mul_(s(beta2)), g.abs().add_(s(eps)));
                    double clr = lr / (1 - Math.pow(beta1, step[i].item_double()));
                    p.addcdiv_(expAvg[i], expInf[i], s(-clr));
                }
            };
        };
    }

    static Function<List<Tensor>, OptimizerConformanceTest.TorchSide> adadelta(double lr, double rho, double eps, double wd, boolean maximize) {
        return params -> {
            int n = params.size();
            Tensor[] squareAvg = new Tensor[n];
            Tensor[] accDelta = new Tensor[n];
            return (ps, grads) -> {
                for (int i = 0; i < n; i++) {
                    Tensor p = ps.get(i);
                    if (squareAvg[i] == null) {
                        squareAvg[i] = torch.zeros_like(p);
                        accDelta[i] = torch.zeros_like(p);
                    }
                    Tensor g = maximize ? grads.get(i).neg() : grads.get(i);
                    if (wd != 0) {
                        g = g.add(p, s(wd));
                    }
                    squareAvg[i].mul_(s(rho)).addcmul_(g, g, s(1 - rho));
                    Tensor std = squareAvg[i].add(s(eps)).sqrt_();
                    Tensor delta = accDelta[i].add(s(eps)).sqrt_();
                    delta.div_(std).mul_(g);
                    accDelta[i].mul_(s(rho)).addcmul_(delta, delta, s(1 - rho));
                    p.add_(delta, s(-lr));
                }
            };
        };
    }
    static Function<List<Tensor>, OptimizerConformanceTest.TorchSide> nadam(double lr, double beta1, double beta2, double eps, double wd,
            double momentumDecay, boolean decoupled, boolean maximize) {
        return params -> {
            int n = params.size();
            Tensor[] step = new Tensor[n];
            Tensor[] muProduct = new Tensor[n];
            Tensor[] expAvg = new Tensor[n];
            Tensor[] expAvgSq = new Tensor[n];
            return (ps, grads) -> {
                for (int i = 0; i < n; i++) {
                    Tensor p = ps.get(i);
                    if (step[i] == null) {
                        step[i] = newStep();
                        muProduct[i] = torch.scalar_tensor(s(1.0));
                        expAvg[i] = torch.zeros_like(p);
                        expAvgSq[i] = torch.zeros_like(p);
                    }
                    Tensor g = maximize ? grads.get(i).neg() : grads.get(i);
                    step[i].add_(s(1));
                    double t = step[i].item_double();
                    double bc2 = 1 - Math.pow(beta2, t);
                    if (wd != 0) {
                        if (decoupled) {
                            p.mul_(s(1 - lr * wd));
                        } else {
                            g = g.add(p, s(wd));
                        }
                    }
                    double mu = beta1 * (1.0 - 0.5 * Math.pow(0.96, t * momentumDecay));
                    double muNext = beta1 * (1.0 - 0.5 * Math.pow(0.96, (t + 1) * momentumDecay));
                    muProduct[i].mul_(s(mu));
                    expAvg[i].lerp_(g, s(1 - beta1));
                    expAvgSq[i].mul_(s(beta2)).addcmul_(g, g, s(1 - beta2));
                    Tensor denom = expAvgSq[i].div(s(bc2)).sqrt();
                    double mp = muProduct[i].item_double();
                    double mpNext = mp * muNext;
                    denom.add_(s(eps));
                    p.addcdiv_(g, denom, s(-lr * (1.0 - mu) / (1.0 - mp)));
                    p.addcdiv_(expAvg[i], denom, s(-lr * muNext / (1.0 - mpNext)));
                }
            };
        };
    }

    static Function<List<Tensor>, OptimizerConformanceTest.TorchSide> radam(double lr, double beta1, double beta2, double eps, double wd,
            boolean decoupled, boolean maximize) {
        return params -> {
            int n = params.size();
            Tensor[] step = new Tensor[n];
            Tensor[] expAvg = new Tensor[n];
            Tensor[] expAvgSq = new Tensor[n];
            return (ps, grads) -> {
                for (int i = 0; i < n; i++) {
                    Tensor p = ps.get(i);
                    if (step[i] == null) {
                        step[i] = newStep();
                        expAvg[i] = torch.zeros_like(p);
                        expAvgSq[i] = torch.zeros_like(p);
                    }
                    Tensor g = maximize ? grads.get(i).neg() : grads.get(i);
                    step[i].add_(s(1));
                    double t = step[i].item_double();
                    if (wd != 0) {
                        if (decoupled) {
                            p.mul_(s(1 - lr * wd));
                        } else {
                            g = g.add(p, s(wd));
                        }
                    }
                    expAvg[i].lerp_(g, s(1 - beta1));
                    expAvgSq[i].mul_(s(beta2)).addcmul_(g, g, s(1 - beta2));
                    double bc1 = 1 - Math.pow(beta1, t);
                    double bc2 = 1 - Math.pow(beta2, t);
                    Tensor corrected = expAvg[i].div(s(bc1));
                    double rhoInf = 2 / (1 - beta2) - 1;
                    double rhoT = rhoInf - 2 * t * Math.pow(beta2, t) / bc2;
                    if (rhoT > 5.0) {
                        double rect = Math.sqrt((rhoT - 4) * (rhoT - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rhoT));
                        // Python: (bc2 ** 0.5) / exp_avg_sq_sqrt  ==  exp_avg_sq_sqrt.reciprocal() * (bc2 ** 0.5)  (Tensor.__rtruediv__)
                        Tensor adaptive = expAvgSq[i].sqrt().add_(s(eps)).reciprocal().mul(s(Math.sqrt(bc2)));
                        p.add_(corrected.mul(s(lr)).mul(adaptive).mul(s(rect)), s(-1.0));
                    } else {
                        p.add_(corrected.mul(s(lr)), s(-1.0));
                    }
                }
            };
        };
    }
}
