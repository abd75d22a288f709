package io.augur.forecast.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The eleven learning-curve families of Domhan, Springenberg and Hutter (2015, "Speeding up automatic
 * hyperparameter optimization of deep neural networks by extrapolation of learning curves", table 1),
 * also the building blocks of LC-PFN's prior (Adriaensen et al. 2023). x is the epoch (>= 1), y an
 * increasing performance (accuracy, or 1 - error) roughly in [0, 1]:
 * <ul>
 *   <li>vap: exp(a + b / x + c log x)</li>
 *   <li>pow3: c - a x^(-alpha)</li>
 *   <li>loglog_linear: log(a log x + b)</li>
 *   <li>hill3: ymax x^eta / (kappa^eta + x^eta)</li>
 *   <li>log_power: a / (1 + (x / e^b)^c)</li>
 *   <li>pow4: c - (a x + b)^(-alpha)</li>
 *   <li>mmf: alpha - (alpha - beta) / (1 + (kappa x)^delta)</li>
 *   <li>exp4: c - exp(-a x^alpha + b)</li>
 *   <li>janoschek: alpha - (alpha - beta) exp(-kappa x^delta)</li>
 *   <li>weibull: alpha - (alpha - beta) exp(-(kappa x)^delta)</li>
 *   <li>ilog2: c - a / log(x + 1) (LC-PFN's variant, finite at x = 1)</li>
 * </ul>
 * Bounds keep each family in its increasing, saturating regime; starting grids are placed from the
 * first and last observed values.
 */
public final class LearningCurveForms {

    private LearningCurveForms() {
    }


    public static final LearningCurveForm POW3 = new LearningCurveForm("pow3", "c - a * x^(-alpha)",
            List.of("c", "a", "alpha"), new double[] {-0.5, 0, 0.01}, new double[] {1.5, 10, 5},
            (t, x, g) -> {
                double p = Math.pow(x, -t[2]);
                g[0] = 1;
                g[1] = -p;
                g[2] = t[1] * p * Math.log(x);
                return t[0] - t[1] * p;
            },
            s -> {
                List<double[]> r = new ArrayList<>();
                for (double c : asymptotes(s)) {
                    for (double alpha : new double[] {0.3, 0.8, 2}) {
                        r.add(new double[] {c, Math.max(1e-3, c - s.first()), alpha});
                    }
                }
                return r;
            }, 0);

    public static final LearningCurveForm POW4 = new LearningCurveForm("pow4", "c - (a * x + b)^(-alpha)",
            List.of("c", "a", "b", "alpha"), new double[] {-0.5, 1e-6, 0, 0.01}, new double[] {1.5, 1e3, 1e3, 5},
            (t, x, g) -> {
                double u = t[1] * x + t[2];
                if (!(u > 0)) {
                    return Double.NaN;
                }
                double p = Math.pow(u, -t[3]);
                double dpdu = -t[3] * p / u;
                g[0] = 1;
                g[1] = -dpdu * x;
                g[2] = -dpdu;
                g[3] = p * Math.log(u);
                return t[0] - p;
            },
            s -> {
                List<double[]> r = new ArrayList<>();
                for (double c : asymptotes(s)) {
                    for (double alpha : new double[] {0.5, 1.5}) {
                        double gap = Math.max(1e-3, c - s.first());
                        double ab = Math.pow(gap, -1 / alpha);
                        r.add(new double[] {c, ab, 0, alpha});
                        r.add(new double[] {c, 0.5 * ab, 0.5 * ab, alpha});
                    }
                }
                return r;
            }, 0);

    public static final LearningCurveForm LOG_POWER = new LearningCurveForm("log_power", "a / (1 + (x / e^b)^c)",
            List.of("a", "b", "c"), new double[] {0, -10, -10}, new double[] {1.5, 10, 0},
            (t, x, g) -> {
                double z = Math.exp(t[2] * (Math.log(x) - t[1]));
                double d = 1 / (1 + z);
                double dz = -t[0] * d * d;
                g[0] = d;
                g[1] = dz * (-t[2] * z);
                g[2] = dz * (Math.log(x) - t[1]) * z;
                return t[0] * d;
            },
            s -> {
                List<double[]> r = new ArrayList<>();
                for (double a : asymptotes(s)) {
                    for (double c : new double[] {-0.7, -1.5}) {
                        // choose b so that the curve passes through the first value at x = 1
                        double ratio = Math.max(1e-6, a / Math.max(1e-6, s.first()) - 1);
                        double b = Math.log(ratio) / c;
                        r.add(new double[] {a, Math.max(-10, Math.min(10, b)), c});
                    }
                }
                return r;
            }, 0);

    public static final LearningCurveForm EXP4 = new LearningCurveForm("exp4", "c - exp(-a * x^alpha + b)",
            List.of("c", "a", "b", "alpha"), new double[] {-0.5, 0, -20, 0.01}, new double[] {1.5, 10, 20, 3},
            (t, x, g) -> {
                double xa = Math.pow(x, t[3]);
                double e = Math.exp(-t[1] * xa + t[2]);
                g[0] = 1;
                g[1] = e * xa;
                g[2] = -e;
                g[3] = e * t[1] * xa * Math.log(x);
                return t[0] - e;
            },
            s -> {
                List<double[]> r = new ArrayList<>();
                for (double c : asymptotes(s)) {
                    for (double alpha : new double[] {0.5, 1}) {
                        for (double a : new double[] {0.1, 0.5}) {
                            r.add(new double[] {c, a, a + Math.log(Math.max(1e-3, c - s.first())), alpha});
                        }
                    }
                }
                return r;
            }, 0);

    public static final LearningCurveForm JANOSCHEK = new LearningCurveForm("janoschek",
            "alpha - (alpha - beta) * exp(-kappa * x^delta)", List.of("alpha", "beta", "kappa", "delta"),
            new double[] {-0.5, -0.5, 0, 0.01}, new double[] {1.5, 1.5, 20, 5},
            (t, x, g) -> {
                double xd = Math.pow(x, t[3]);
                double e = Math.exp(-t[2] * xd);
                double ab = t[0] - t[1];
                g[0] = 1 - e;
                g[1] = e;
                g[2] = ab * e * xd;
                g[3] = ab * e * t[2] * xd * Math.log(x);
                return t[0] - ab * e;
            },
            s -> saturating(s, new double[] {0.1, 0.5}, new double[] {0.5, 1}), 0, 1);

    public static final LearningCurveForm WEIBULL = new LearningCurveForm("weibull",
            "alpha - (alpha - beta) * exp(-(kappa * x)^delta)", List.of("alpha", "beta", "kappa", "delta"),
            new double[] {-0.5, -0.5, 1e-6, 0.01}, new double[] {1.5, 1.5, 20, 5},
            (t, x, g) -> {
                double kx = t[2] * x;
                double v = Math.pow(kx, t[3]);
                double e = Math.exp(-v);
                double ab = t[0] - t[1];
                g[0] = 1 - e;
                g[1] = e;
                g[2] = ab * e * t[3] * v / t[2];
                g[3] = ab * e * v * Math.log(kx);
                return t[0] - ab * e;
            },
            s -> saturating(s, new double[] {0.1, 0.5}, new double[] {0.5, 1}), 0, 1);

    public static final LearningCurveForm MMF = new LearningCurveForm("mmf",
            "alpha - (alpha - beta) / (1 + (kappa * x)^delta)", List.of("alpha", "beta", "kappa", "delta"),
            new double[] {-0.5, -0.5, 1e-6, 0.01}, new double[] {1.5, 1.5, 20, 10},
            (t, x, g) -> {
                double kx = t[2] * x;
                double v = Math.pow(kx, t[3]);
                double d = 1 / (1 + v);
                double ab = t[0] - t[1];
                double dv = ab * d * d;
                g[0] = 1 - d;
                g[1] = d;
                g[2] = dv * t[3] * v / t[2];
                g[3] = dv * v * Math.log(kx);
                return t[0] - ab * d;
            },
            s -> saturating(s, new double[] {0.2, 1}, new double[] {0.7, 1.5}), 0, 1);

    public static final LearningCurveForm ILOG2 = new LearningCurveForm("ilog2", "c - a / log(x + 1)",
            List.of("c", "a"), new double[] {-0.5, 0}, new double[] {1.5, 10},
            (t, x, g) -> {
                double l = 1 / Math.log(x + 1);
                g[0] = 1;
                g[1] = -l;
                return t[0] - t[1] * l;
            },
            s -> {
                List<double[]> r = new ArrayList<>();
                for (double c : asymptotes(s)) {
                    r.add(new double[] {c, Math.max(0, (c - s.first()) * Math.log(2))});
                }
                return r;
            }, 0);

    public static final LearningCurveForm VAP = new LearningCurveForm("vap", "exp(a + b / x + c * log(x))",
            List.of("a", "b", "c"), new double[] {-10, -20, -2}, new double[] {10, 20, 2},
            (t, x, g) -> {
                double lx = Math.log(x);
                double v = Math.exp(t[0] + t[1] / x + t[2] * lx);
                g[0] = v;
                g[1] = v / x;
                g[2] = v * lx;
                return v;
            },
            s -> {
                List<double[]> r = new ArrayList<>();
                double l1 = Math.log(Math.max(1e-3, s.first()));
                double ll = Math.log(Math.max(1e-3, s.last()));
                double lt = Math.log(Math.max(2, s.maxX()));
                double tt = Math.max(2, s.maxX());
                for (double c : new double[] {0, 0.02, -0.02}) {
                    double b = (l1 - ll + c * lt) / (1 - 1 / tt);
                    r.add(new double[] {l1 - b, b, c});
                }
                return r;
            });

    public static final LearningCurveForm HILL3 = new LearningCurveForm("hill3",
            "ymax * x^eta / (kappa^eta + x^eta)", List.of("ymax", "eta", "kappa"),
            new double[] {0, 0.01, 1e-6}, new double[] {1.5, 10, 1e4},
            (t, x, g) -> {
                double w = Math.pow(t[2] / x, t[1]);
                double d = 1 / (1 + w);
                double dw = -t[0] * d * d;
                g[0] = d;
                g[1] = dw * w * Math.log(t[2] / x);
                g[2] = dw * w * t[1] / t[2];
                return t[0] * d;
            },
            s -> {
                List<double[]> r = new ArrayList<>();
                for (double ymax : asymptotes(s)) {
                    for (double eta : new double[] {0.5, 1, 2}) {
                        double ratio = Math.max(1e-6, ymax / Math.max(1e-6, s.first()) - 1);
                        r.add(new double[] {ymax, eta, Math.pow(ratio, 1 / eta)});
                    }
                }
                return r;
            }, 0);

    public static final LearningCurveForm LOGLOG_LINEAR = new LearningCurveForm("loglog_linear", "log(a * log(x) + b)",
            List.of("a", "b"), new double[] {0, 1e-9}, new double[] {10, 10},
            (t, x, g) -> {
                double lx = Math.log(x);
                double u = t[0] * lx + t[1];
                if (!(u > 0)) {
                    return Double.NaN;
                }
                g[0] = lx / u;
                g[1] = 1 / u;
                return Math.log(u);
            },
            s -> {
                double b = Math.exp(s.first());
                double a = Math.max(0, (Math.exp(s.last()) - b) / Math.log(Math.max(2, s.maxX())));
                return List.of(new double[] {a, b}, new double[] {2 * a, b}, new double[] {0.5 * a, b});
            });

    /** All eleven families, in Domhan et al.'s order. */
    public static final List<LearningCurveForm> ALL = List.of(VAP, POW3, LOGLOG_LINEAR, HILL3, LOG_POWER, POW4, MMF,
            EXP4, JANOSCHEK, WEIBULL, ILOG2);

    /** The family with this name (e.g. "pow3"), or null. */
    public static LearningCurveForm byName(String name) {
        for (LearningCurveForm f : ALL) {
            if (f.name().equalsIgnoreCase(name)) {
                return f;
            }
        }
        return null;
    }

    /** Candidate asymptotes a little above the last value (curves still rising) and further out. */
    private static double[] asymptotes(LearningCurveForm.Shape s) {
        double rise = Math.max(0.005, s.last() - s.first());
        return new double[] {Math.min(1.49, s.max() + 0.01), Math.min(1.49, s.max() + 0.3 * rise)};
    }

    private static List<double[]> saturating(LearningCurveForm.Shape s, double[] kappas, double[] deltas) {
        List<double[]> r = new ArrayList<>();
        for (double alpha : asymptotes(s)) {
            for (double k : kappas) {
                for (double d : deltas) {
                    r.add(new double[] {alpha, Math.max(-0.49, s.first() - 0.1), k, d});
                }
            }
        }
        return r;
    }

}
