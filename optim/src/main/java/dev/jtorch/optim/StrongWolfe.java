package dev.jtorch.optim;

import dev.jtorch.Tensor;
import java.util.List;

/**
 * {@code _strong_wolfe} and {@code _cubic_interpolate} of {@code torch/optim/lbfgs.py} (ported there
 * from torch7's {@code lswolfe.lua} / {@code polyinterp.lua}), operation by operation, with
 * Python's float/tensor mixing kept by {@link PyScalar}.
 */
final class StrongWolfe {
    private StrongWolfe() {}

    /** {@code obj_func(x, t, d)}: the loss and flat gradient at {@code x + t * d} (parameters restored after). */
    interface Objective {
        Evaluation evaluate(List<Tensor> x, PyScalar t, Tensor d);
    }

    /** A loss (Python float) and flat gradient. */
    record Evaluation(double f, Tensor g) {}

    /** {@code f_new, g_new, t, ls_func_evals}. */
    record Result(double f, Tensor g, PyScalar t, int funcEvals) {}

    private static final PyScalar ZERO = PyScalar.py(0);

    /** {@code _cubic_interpolate(x1, f1, g1, x2, f2, g2, bounds)}; {@code boundMin == null} means no bounds. */
    static PyScalar cubicInterpolate(PyScalar x1, PyScalar f1, PyScalar g1, PyScalar x2, PyScalar f2, PyScalar g2,
            PyScalar boundMin, PyScalar boundMax) {
        PyScalar xmin;
        PyScalar xmax;
        if (boundMin != null) {
            xmin = boundMin;
            xmax = boundMax;
        } else if (x1.le(x2)) {
            xmin = x1;
            xmax = x2;
        } else {
            xmin = x2;
            xmax = x1;
        }
        PyScalar d1 = g1.add(g2).sub(PyScalar.py(3).mul(f1.sub(f2)).div(x1.sub(x2)));
        PyScalar d2Square = d1.square().sub(g1.mul(g2));
        if (d2Square.ge(ZERO)) {
            PyScalar d2 = d2Square.sqrt();
            PyScalar two = PyScalar.py(2);
            PyScalar minPos;
            if (x1.le(x2)) {
                minPos = x2.sub(x2.sub(x1).mul(g2.add(d2).sub(d1).div(g2.sub(g1).add(two.mul(d2)))));
            } else {
                minPos = x1.sub(x1.sub(x2).mul(g1.add(d2).sub(d1).div(g1.sub(g2).add(two.mul(d2)))));
            }
            return PyScalar.min(PyScalar.max(minPos, xmin), xmax);
        }
        return xmin.add(xmax).div(PyScalar.py(2.0));
    }

    /**
     * {@code _strong_wolfe(obj_func, x, t, d, f, g, gtd, c1=1e-4, c2=0.9, tolerance_change, max_ls=25)}:
     * brackets a step satisfying the strong Wolfe conditions, then zooms in by cubic interpolation.
     */
    static Result search(Objective obj, List<Tensor> x, PyScalar t, Tensor d, double f, Tensor g, PyScalar gtd,
            double toleranceChange, int maxLs) {
        PyScalar c1 = PyScalar.py(1e-4);
        PyScalar negC2 = PyScalar.py(-0.9);
        PyScalar fPy = PyScalar.py(f);
        PyScalar dNorm = PyScalar.of(d.abs().max());
        g = g.clone();
        Evaluation e = obj.evaluate(x, t, d);
        PyScalar fNew = PyScalar.py(e.f());
        Tensor gNew = e.g();
        int lsFuncEvals = 1;
        PyScalar gtdNew = PyScalar.of(gNew.dot(d));

        PyScalar tPrev = ZERO;
        PyScalar fPrev = fPy;
        Tensor gPrev = g;
        PyScalar gtdPrev = gtd;
        boolean done = false;
        int lsIter = 0;
        PyScalar[] bracket = null;
        PyScalar[] bracketF = null;
        Tensor[] bracketG = null;
        PyScalar[] bracketGtd = null;
        while (lsIter < maxLs) {
            if (fNew.gt(fPy.add(c1.mul(t).mul(gtd))) || (lsIter > 1 && fNew.ge(fPrev))) {
                bracket = new PyScalar[] {tPrev, t};
                bracketF = new PyScalar[] {fPrev, fNew};
                bracketG = new Tensor[] {gPrev, gNew.clone()};
                bracketGtd = new PyScalar[] {gtdPrev, gtdNew};
                break;
            }
            if (gtdNew.abs().le(negC2.mul(gtd))) {
                bracket = new PyScalar[] {t};
                bracketF = new PyScalar[] {fNew};
                bracketG = new Tensor[] {gNew};
                done = true;
                break;
            }
            if (gtdNew.ge(ZERO)) {
                bracket = new PyScalar[] {tPrev, t};
                bracketF = new PyScalar[] {fPrev, fNew};
                bracketG = new Tensor[] {gPrev, gNew.clone()};
                bracketGtd = new PyScalar[] {gtdPrev, gtdNew};
                break;
            }
            PyScalar minStep = t.add(PyScalar.py(0.01).mul(t.sub(tPrev)));
            PyScalar maxStep = t.mul(PyScalar.py(10));
            PyScalar tmp = t;
            t = cubicInterpolate(tPrev, fPrev, gtdPrev, t, fNew, gtdNew, minStep, maxStep);

            tPrev = tmp;
            fPrev = fNew;
            gPrev = gNew.clone();
            gtdPrev = gtdNew;
            e = obj.evaluate(x, t, d);
            fNew = PyScalar.py(e.f());
            gNew = e.g();
            lsFuncEvals += 1;
            gtdNew = PyScalar.of(gNew.dot(d));
            lsIter += 1;
        }
        if (lsIter == maxLs) {
            bracket = new PyScalar[] {ZERO, t};
            bracketF = new PyScalar[] {fPy, fNew};
            bracketG = new Tensor[] {g, gNew};
        }

        // zoom phase
        boolean insufProgress = false;
        int lowPos = bracketF[0].le(bracketF[bracketF.length - 1]) ? 0 : 1;
        int highPos = 1 - lowPos;
        while (!done && lsIter < maxLs) {
            if (bracket[1].sub(bracket[0]).abs().mul(dNorm).lt(PyScalar.py(toleranceChange))) {
                break;
            }
            t = cubicInterpolate(bracket[0], bracketF[0], bracketGtd[0], bracket[1], bracketF[1], bracketGtd[1], null, null);
            PyScalar hi = PyScalar.max(bracket[0], bracket[1]);
            PyScalar lo = PyScalar.min(bracket[0], bracket[1]);
            PyScalar eps = PyScalar.py(0.1).mul(hi.sub(lo));
            if (PyScalar.min(hi.sub(t), t.sub(lo)).lt(eps)) {
                if (insufProgress || t.ge(hi) || t.le(lo)) {
                    t = t.sub(hi).abs().lt(t.sub(lo).abs()) ? hi.sub(eps) : lo.add(eps);
                    insufProgress = false;
                } else {
                    insufProgress = true;
                }
            } else {
                insufProgress = false;
            }

            e = obj.evaluate(x, t, d);
            fNew = PyScalar.py(e.f());
            gNew = e.g();
            lsFuncEvals += 1;
            gtdNew = PyScalar.of(gNew.dot(d));
            lsIter += 1;

            if (fNew.gt(fPy.add(c1.mul(t).mul(gtd))) || fNew.ge(bracketF[lowPos])) {
                bracket[highPos] = t;
                bracketF[highPos] = fNew;
                bracketG[highPos] = gNew.clone();
                bracketGtd[highPos] = gtdNew;
                lowPos = bracketF[0].le(bracketF[1]) ? 0 : 1;
                highPos = 1 - lowPos;
            } else {
                if (gtdNew.abs().le(negC2.mul(gtd))) {
                    done = true;
                } else if (gtdNew.mul(bracket[highPos].sub(bracket[lowPos])).ge(ZERO)) {
                    bracket[highPos] = bracket[lowPos];
                    bracketF[highPos] = bracketF[lowPos];
                    bracketG[highPos] = bracketG[lowPos];
                    bracketGtd[highPos] = bracketGtd[lowPos];
                }
                bracket[lowPos] = t;
                bracketF[lowPos] = fNew;
                bracketG[lowPos] = gNew.clone();
                bracketGtd[lowPos] = gtdNew;
            }
        }
        return new Result(bracketF[lowPos].v, bracketG[lowPos], bracket[lowPos], lsFuncEvals);
    }
}
