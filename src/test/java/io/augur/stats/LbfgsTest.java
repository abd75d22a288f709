package io.augur.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LbfgsTest {

    static final Lbfgs.Function ROSENBROCK = (x, g) -> {
        double a = 1 - x[0];
        double b = x[1] - x[0] * x[0];
        g[0] = -2 * a - 400 * x[0] * b;
        g[1] = 200 * b;
        return a * a + 100 * b * b;
    };

    @Test
    void minimisesRosenbrock() {
        double inf = Double.POSITIVE_INFINITY;
        Lbfgs.Result r = Lbfgs.minimize(ROSENBROCK, new double[] {-1.2, 1}, new double[] {-inf, -inf}, new double[] {inf, inf},
                Lbfgs.Options.DEFAULT);
        assertTrue(r.converged(), r.status());
        assertEquals(1, r.x()[0], 1e-5);
        assertEquals(1, r.x()[1], 1e-5);
    }

    @Test
    void respectsBounds() {
        // constrained minimum of Rosenbrock with x0 <= 0.5 lies on the bound: x = (0.5, 0.25)
        double inf = Double.POSITIVE_INFINITY;
        Lbfgs.Result r = Lbfgs.minimize(ROSENBROCK, new double[] {-1.2, 1}, new double[] {-inf, -inf}, new double[] {0.5, inf},
                Lbfgs.Options.DEFAULT);
        assertTrue(r.converged(), r.status());
        assertEquals(0.5, r.x()[0], 1e-9);
        assertEquals(0.25, r.x()[1], 1e-5);
    }

    @Test
    void saysWhenItDidNotConverge() {
        double inf = Double.POSITIVE_INFINITY;
        Lbfgs.Result r = Lbfgs.minimize(ROSENBROCK, new double[] {-1.2, 1}, new double[] {-inf, -inf}, new double[] {inf, inf},
                new Lbfgs.Options(3, 1e-12, 1e-12, 10));
        assertFalse(r.converged());
        assertTrue(r.status().contains("iteration limit"));
    }
}
