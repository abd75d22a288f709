package io.augur.pairwise.engine;

import io.augur.stats.RandomStreams;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Synthetic battles from known strengths under Davidson's tie model: log strengths ~ N(0, 1),
 * nu = 0.7 (about 20% ties over the random pairings), pairs drawn uniformly.
 */
final class SyntheticArena {

    final int models;
    final double[] theta;
    final double nu;

    SyntheticArena(int models, long seed) {
        this.models = models;
        this.theta = new double[models];
        this.nu = 0.7;
        UniformRandomProvider rng = RandomStreams.of(seed);
        for (int m = 0; m < models; m++) {
            theta[m] = gaussian(rng);
        }
    }

    static double gaussian(UniformRandomProvider rng) {
        double u1 = rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }

    static String name(int m) {
        return String.format("model-%03d", m);
    }

    interface Sink {
        void battle(int a, int b, Outcome o) throws IOException;
    }

    void generate(long battles, long seed, Sink sink) throws IOException {
        UniformRandomProvider rng = RandomStreams.of(seed);
        for (long k = 0; k < battles; k++) {
            int a = rng.nextInt(models);
            int b = rng.nextInt(models - 1);
            if (b >= a) {
                b++;
            }
            double[] p = BradleyTerry.probabilities(theta[a] - theta[b], BradleyTerry.TieModel.DAVIDSON, nu);
            double u = rng.nextDouble();
            sink.battle(a, b, u < p[0] ? Outcome.A_WINS : u < p[0] + p[1] ? Outcome.B_WINS : Outcome.TIE);
        }
    }

    PairCounts counts(long battles, long seed) throws IOException {
        PairCounts.Builder builder = PairCounts.builder();
        for (int m = 0; m < models; m++) {
            builder.model(name(m));
        }
        generate(battles, seed, (a, b, o) -> builder.add(a, b, o.ordinal(), 1));
        return builder.build();
    }

    void writeCsv(Path file, long battles, long seed) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write("model_a,model_b,winner\n");
            String[] names = new String[models];
            for (int m = 0; m < models; m++) {
                names[m] = name(m);
            }
            generate(battles, seed, (a, b, o) -> {
                w.write(names[a]);
                w.write(',');
                w.write(names[b]);
                w.write(switch (o) {
                    case A_WINS -> ",model_a\n";
                    case B_WINS -> ",model_b\n";
                    case TIE -> ",tie\n";
                });
            });
        }
    }

    /** Pearson correlation. */
    static double correlation(double[] x, double[] y) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i] / x.length;
            my += y[i] / y.length;
        }
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
