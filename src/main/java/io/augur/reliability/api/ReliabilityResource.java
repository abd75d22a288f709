package io.augur.reliability.api;

import io.augur.platform.auth.Caller;
import io.augur.platform.auth.CallerContext;
import io.augur.platform.auth.Computation;
import io.augur.platform.auth.Workspace;
import io.augur.stats.Interval;
import io.augur.platform.api.BootstrapReport;
import io.augur.platform.api.BootstrapSettings;
import io.augur.platform.jobs.JobOperation;
import io.augur.platform.compute.ComputePool;
import io.augur.platform.pipeline.RequestBodies;
import io.augur.platform.problem.Problem;
import io.augur.platform.problem.ProblemException;
import io.augur.reliability.engine.ResamplingSettings;
import io.augur.reliability.engine.ItemScores;
import io.augur.reliability.engine.PairedComparison;
import io.augur.reliability.engine.PassAtK;
import io.augur.reliability.engine.Power;
import io.augur.reliability.engine.ScoreErrorBars;
import io.augur.reliability.engine.SeedVariance;
import io.augur.reliability.engine.SignalToNoise;
import io.augur.stats.InvalidInputException;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * How sure is a score: error bars, paired comparisons, power, seed variance, signal-to-noise and pass@k
 * from results given inline. Thin: mapping here, the numbers from {@code io.augur.reliability.engine} on
 * the compute pool; engine responses are returned as they are.
 */
@Computation
@Path("/api/v1/reliability")
@RegisterForReflection(targets = { ScoreErrorBars.ErrorBarsResult.class, PairedComparison.PairedResult.class, PairedComparison.McNemar.class,
    SeedVariance.SeedVarianceResult.class, SeedVariance.Checkpoint.class, SignalToNoise.SignalToNoiseResult.class, SignalToNoise.DecisionAccuracy.class,
    PassAtK.PassAtKResult.class, ResamplingSettings.class, io.augur.stats.Interval.class,
    // request bodies are read by RequestBodies (Jackson outside RESTEasy): registered for a native image
    BootstrapSettings.class, ReliabilityResource.ErrorBarsResponse.class, ReliabilityRequests.ErrorBars.class, ReliabilityRequests.Paired.class,
    ReliabilityRequests.Power.class, ReliabilityRequests.Seeds.class, ReliabilityRequests.SignalNoise.class,
    ReliabilityRequests.Problem.class, ReliabilityRequests.PassAtK.class, ReliabilityRequests.StoredItems.class,
    StoredItemSelections.Used.class })
@Tag(name = "reliability", description = "Error bars from item-level results, paired comparisons, power, seed variance, signal-to-noise, pass@k")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "Invalid input, naming the field", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = "Compute pool full or time budget exceeded", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ReliabilityResource implements JobOperation.Source {


    static final String ERROR_BARS_EXAMPLE = """
            {"scores": [[1], [0], [1], [1], [0], [1], [0], [0], [1], [1]],
             "clusters": ["a", "a", "a", "b", "b", "c", "c", "c", "d", "d"], "bootstrap": {"rounds": 500, "seed": 7}}""";
    static final String PAIRED_EXAMPLE = """
            {"models": {"A": [1, 1, 0, 1, 1, 0, 1, 1], "B": [0, 1, 0, 0, 1, 0, 1, 0], "C": [1, 0, 0, 1, 1, 0, 0, 1]},
             "bootstrap": {"rounds": 2000, "seed": 7}}""";
    static final String POWER_EXAMPLE = """
            {"items": 1000, "effect": 0.03, "alpha": 0.05, "power": 0.8, "accuracy": 0.7, "correlation": 0.5, "seedSd": 0.01}""";
    static final String SEEDS_EXAMPLE = """
            {"steps": [1000, 2000, 3000, 4000], "scores": [[0.30, 0.35, 0.41, 0.40], [0.32, 0.33, 0.44, 0.45], [0.29, 0.37, 0.40, 0.43]]}""";
    static final String SNR_EXAMPLE = """
            {"finalScores": [0.40, 0.45, 0.52, 0.60], "lastCheckpoints": [[0.59, 0.61, 0.60, 0.62, 0.58]],
             "small": [0.31, 0.35, 0.33, 0.36], "target": [0.52, 0.58, 0.55, 0.57]}""";
    static final String PASS_EXAMPLE = """
            {"k": 10, "problems": [{"n": 200, "c": 13}, {"n": 200, "c": 0}, {"n": 200, "c": 150}]}""";

    private final ComputePool compute;
    private final RequestBodies bodies;
    private final StoredItemSelections stored;
    private final CallerContext callers;

    public ReliabilityResource(ComputePool compute, RequestBodies bodies, StoredItemSelections stored, CallerContext callers) {
        this.compute = compute;
        this.bodies = bodies;
        this.stored = stored;
        this.callers = callers;
    }

    /**
     * The workspace of a caller captured on the request's context (stored selections need one: 401 for an anonymous
     * computation). Asked again of the context when none was captured, which answers the 401.
     */
    private Workspace workspace(Caller caller) {
        return caller != null && caller.workspace() != null ? caller.workspace() : callers.workspace();
    }

    /** A stored selection replaces the inline data: giving both, or neither, is a 400 naming the inline field. */
    static void oneSource(Object inline, Object selection, String inlineField) {
        if (inline != null && selection != null) {
            throw ProblemException.invalid(inlineField, "give " + inlineField + " or stored, not both");
        }
        if (inline == null && selection == null) {
            throw ProblemException.invalid(inlineField, "required (or a stored selection in stored)");
        }
    }

    static BootstrapSettings.Used bootstrap(BootstrapSettings b) {
        return BootstrapSettings.resolve(b, 0, ResamplingSettings.MAX_ROUNDS, "bootstrap.rounds");
    }

    static ResamplingSettings resampling(BootstrapSettings.Used b) {
        return new ResamplingSettings(b.rounds(), b.seed(), b.level());
    }

    static double[][] samples(List<List<Double>> scores) {
        return scores.stream().map(l -> l.stream().mapToDouble(Double::doubleValue).toArray()).toArray(double[][]::new);
    }

    static double[] values(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @POST
    @Path("error-bars")
    @Operation(operationId = "computeErrorBars", summary = "Standard error and intervals of a benchmark score from item-level results",
            description = "Miller (2024), \"Adding error bars to evals\": the score is the mean over items of each item's mean over its "
                    + "samples; standard error sd/sqrt(n) (with several samples per item also the within-item variance and the SE "
                    + "infinitely many samples would leave); with clusters the cluster-robust SE (CR1, G/(G-1)) and a t interval with "
                    + "G-1 df; Wilson interval for 0/1 scores; percentile bootstrap over items or clusters (`bootstrap`: rounds 0 to 100000, 0 for none, default 1000; seed 42)."
                    + " Instead of inline data, `stored` selects item results imported by importItemResultsFromFile (benchmark and models; items every selected model was scored on, counted in `selection`): the same engine, the same answer.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReliabilityRequests.ErrorBars.class),
            examples = @ExampleObject(name = "ten items in four passages", value = ERROR_BARS_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The error bars", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBarsResponse.class)))
    public Uni<ErrorBarsResponse> errorBars(byte[] body) {
        Caller caller = callers.caller();
        return bodies.read(body, ReliabilityRequests.ErrorBars.class).flatMap(request -> {
            oneSource(request.scores(), request.stored(), "scores");
            BootstrapSettings.Used b = bootstrap(request.bootstrap());
            if (request.stored() == null) {
                return compute.submit(() -> ErrorBarsResponse.of(ScoreErrorBars.estimate(new ItemScores(samples(request.scores()),
                        request.clusters() == null ? null : request.clusters().toArray(String[]::new)), resampling(b)), b, null));
            }
            if (request.clusters() != null) {
                throw ProblemException.invalid("clusters", "with stored, cluster by the stored subjects (stored.clusterBySubject)");
            }
            return stored.resolve(workspace(caller), request.stored(), "stored", 1, 1).flatMap(sel -> compute.submit(() ->
                    ErrorBarsResponse.of(ScoreErrorBars.estimate(sel.models().values().iterator().next(), resampling(b)), b,
                            sel.used())));
        });
    }

    /** The engine's error bars, with the bootstrap report every operation gives. */
    @Schema(name = "ErrorBarsResult", description = "A score's standard errors and intervals, with the bootstrap behind the "
            + "percentile interval")
    public record ErrorBarsResponse(int items, int minSamplesPerItem, int maxSamplesPerItem, double score,
            double standardDeviation, double standardError, Double withinItemVariance, Double standardErrorInfiniteSamples,
            Integer clusters, Double clusteredStandardError, Double designEffect, Interval normalInterval,
            Interval wilsonInterval, Interval bootstrapInterval, BootstrapReport bootstrap, List<String> warnings,
            @Schema(description = "The stored item results used (a request with stored); absent for inline scores")
            StoredItemSelections.Used selection) {

        static ErrorBarsResponse of(ScoreErrorBars.ErrorBarsResult r, BootstrapSettings.Used b, StoredItemSelections.Used selection) {
            return new ErrorBarsResponse(r.items(), r.minSamplesPerItem(), r.maxSamplesPerItem(), r.score(),
                    r.standardDeviation(), r.standardError(), r.withinItemVariance(), r.standardErrorInfiniteSamples(),
                    r.clusters(), r.clusteredStandardError(), r.designEffect(), r.normalInterval(), r.wilsonInterval(),
                    r.bootstrapInterval(), b.report(r.clusters() == null ? "percentile bootstrap over items"
                            : "percentile bootstrap over clusters (whole clusters resampled)"), r.warnings(), selection);
        }
    }

    @POST
    @Path("paired-comparisons")
    @Operation(operationId = "comparePairedModels", summary = "Paired differences between models on the same items, with tests and Holm's correction",
            description = "Every pair of models (or each against `baseline`): difference of means with its paired standard error and "
                    + "interval (clustered when clusters are given), the unpaired SE for comparison, the item correlation; McNemar's "
                    + "test for 0/1 scores (exact binomial up to 25 discordant items, chi-square with continuity correction above), "
                    + "otherwise the paired z-test; a sign-flip permutation test with `bootstrap.rounds` rounds (0 to 100000, default 1000; seed 42); Holm-adjusted p-values "
                    + "across all comparisons. Instead of inline data, `stored` selects item results imported by importItemResultsFromFile (benchmark and models; items every selected model was scored on, counted in `selection`): the same engine, the same answer.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReliabilityRequests.Paired.class),
            examples = @ExampleObject(name = "three models", value = PAIRED_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "One result per comparison", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PairedResponse.class)))
    public Uni<PairedResponse> paired(byte[] body) {
        Caller caller = callers.caller();
        return bodies.read(body, ReliabilityRequests.Paired.class).flatMap(request -> {
            oneSource(request.models(), request.stored(), "models");
            if (request.stored() != null) {
                if (request.clusters() != null) {
                    throw ProblemException.invalid("clusters", "with stored, cluster by the stored subjects (stored.clusterBySubject)");
                }
                BootstrapSettings.Used b = bootstrap(request.bootstrap());
                return stored.resolve(workspace(caller), request.stored(), "stored", 2, 1000).flatMap(sel -> compute.submit(() -> {
                    if (request.baseline() != null && !sel.models().containsKey(request.baseline())) {
                        throw ProblemException.invalid("baseline", "'" + request.baseline() + "' is not among the selected models "
                                + sel.used().models());
                    }
                    return new PairedResponse(b.report("sign-flip permutation test of the paired differences"),
                            PairedComparison.compareMany(sel.models(), request.baseline(), resampling(b)), sel.used());
                }));
            }
            return pairedInline(request);
        });
    }

    private Uni<PairedResponse> pairedInline(ReliabilityRequests.Paired request) {
        return compute.submit(() -> {
            String[] clusters = request.clusters() == null ? null : request.clusters().toArray(String[]::new);
            Map<String, ItemScores> models = new LinkedHashMap<>();
            request.models().forEach((name, v) -> {
                double[] x = values(v);
                double[][] s = new double[x.length][];
                for (int i = 0; i < x.length; i++) {
                    s[i] = new double[] {x[i]};
                }
                models.put(name, new ItemScores(s, clusters));
            });
            BootstrapSettings.Used b = bootstrap(request.bootstrap());
            ResamplingSettings settings = resampling(b);
            try {
                return new PairedResponse(b.report("sign-flip permutation test of the paired differences"),
                        PairedComparison.compareMany(models, request.baseline(), settings), null);
            } catch (InvalidInputException e) {
                // the engine names a model's scores "scores.<model>"; in this request they are "models.<model>"
                throw e.field().startsWith("scores.") ? ProblemException.invalid("models." + e.field().substring(7), e.reason()) : e;
            }
        });
    }

    /** The comparisons with the permutation settings that reproduce them. */
    @Schema(name = "PairedComparisonsResponse", description = "Every comparison, with the permutation-test settings (rounds, seed, level)")
    public record PairedResponse(BootstrapReport permutation, List<PairedComparison.PairedResult> comparisons,
            @Schema(description = "The stored item results used (a request with stored); absent for inline models")
            StoredItemSelections.Used selection) {
    }

    /** Minimum detectable effect and items or seeds needed. */
    public record PowerResult(double alpha, double power, double sdDifference, String sdSource, Integer items,
            Double minimumDetectableEffect, Double effect, Long itemsNeeded, Long seedsNeeded,
            @Schema(description = "The stored item results used (a request with stored); absent otherwise")
            StoredItemSelections.Used selection) {
    }

    @POST
    @Path("power")
    @Operation(operationId = "computePower", summary = "Minimum detectable effect, items and seeds needed",
            description = "Paired two-sided z-test: MDE = (z_{1-alpha/2} + z_power) sd_d / sqrt(n); items needed n = ((z_{1-alpha/2} + "
                    + "z_power) sd_d / effect)^2; seeds needed per configuration k = 2 ((z_{1-alpha/2} + z_power) seedSd / effect)^2. "
                    + "sd_d, the spread of the per-item difference, comes from sdDifference, or from two models' item scores (the "
                    + "paired variance), or from accuracy p and correlation rho as sqrt(2 p (1-p) (1-rho)). Instead of inline data, `stored` selects item results imported by importItemResultsFromFile (benchmark and models; items every selected model was scored on, counted in `selection`): the same engine, the same answer. Two models; items defaults to the items they share.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReliabilityRequests.Power.class),
            examples = @ExampleObject(name = "1000 items at 70% accuracy", value = POWER_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The power analysis", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PowerResult.class)))
    public Uni<PowerResult> power(byte[] body) {
        Caller caller = callers.caller();
        return bodies.read(body, ReliabilityRequests.Power.class).flatMap(r -> {
            if (r.stored() == null) {
                return compute.submit(() -> power(r, null));
            }
            if (r.sdDifference() != null || r.first() != null || r.second() != null || r.accuracy() != null) {
                throw ProblemException.invalid("stored", "give stored or one of sdDifference, first and second, accuracy; not both");
            }
            return stored.resolve(workspace(caller), r.stored(), "stored", 2, 2).flatMap(sel -> compute.submit(() -> power(r, sel)));
        });
    }

    private static PowerResult power(ReliabilityRequests.Power r, StoredItemSelections.Resolved sel) {
        double alpha = r.alpha() == null ? 0.05 : r.alpha();
        double power = r.power() == null ? 0.8 : r.power();
        double sd;
        String source;
        Integer items = r.items();
        if (sel != null) {
            List<ItemScores> two = List.copyOf(sel.models().values());
            sd = Power.pairedSd(two.get(0), two.get(1));
            source = "paired variance of the two models' stored item scores";
            items = items == null ? sel.used().itemsUsed() : items;
        } else if (r.sdDifference() != null) {
            sd = r.sdDifference();
            source = "given";
        } else if (r.first() != null || r.second() != null) {
            if (r.first() == null || r.second() == null) {
                throw ProblemException.invalid(r.first() == null ? "first" : "second", "give both models' item scores");
            }
            sd = Power.pairedSd(ItemScores.of(values(r.first())), ItemScores.of(values(r.second())));
            source = "paired variance of the two models' item scores";
        } else if (r.accuracy() != null) {
            double rho = r.correlation() == null ? 0 : r.correlation();
            sd = Power.sdFromAccuracy(r.accuracy(), rho);
            source = "sqrt(2 p (1 - p) (1 - rho)) with p = " + r.accuracy() + ", rho = " + rho;
        } else {
            throw ProblemException.invalid("sdDifference", "give sdDifference, or first and second, or accuracy");
        }
        if (items == null && r.effect() == null) {
            throw ProblemException.invalid("items", "give items (for the minimum detectable effect) or effect (for the items needed)");
        }
        Double mde = items == null ? null : Power.minimumDetectableEffect(items, sd, alpha, power);
        Long need = r.effect() == null ? null : Power.itemsNeeded(r.effect(), sd, alpha, power);
        Long seeds = r.effect() == null || r.seedSd() == null ? null : Power.seedsNeeded(r.effect(), r.seedSd(), alpha, power);
        return new PowerResult(alpha, power, sd, source, items, mde, r.effect(), need, seeds, sel == null ? null : sel.used());
    }

    @POST
    @Path("seed-variance")
    @Operation(operationId = "computeSeedVariance", summary = "Seed standard deviation over checkpoints and monotonicity",
            description = "Per checkpoint the mean over seeds and the seed standard deviation (n - 1); at the last checkpoint and as a "
                    + "root mean square; monotonicity as Kendall's tau-b between step and seed-mean score. At least two seeds.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReliabilityRequests.Seeds.class),
            examples = @ExampleObject(name = "three seeds", value = SEEDS_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Seed variance", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SeedVariance.SeedVarianceResult.class)))
    public Uni<SeedVariance.SeedVarianceResult> seedVariance(byte[] body) {
        return bodies.read(body, ReliabilityRequests.Seeds.class).flatMap(r -> compute.submit(() -> SeedVariance.of(r.steps().stream().mapToLong(Long::longValue).toArray(), samples(r.scores()))));
    }

    /** Signal, noise, their ratio and (when small and target are given) decision accuracy. */
    public record SignalNoiseResult(SignalToNoise.SignalToNoiseResult signalToNoise, SignalToNoise.DecisionAccuracy decisionAccuracy) {
    }

    @POST
    @Path("signal-to-noise")
    @Operation(operationId = "computeSignalToNoise", summary = "Signal, noise, signal-to-noise ratio and decision accuracy",
            description = "Heineman et al. (2025), \"Signal and Noise\": signal = relative dispersion max|m_j - m_k| / mean(m) of the "
                    + "models' final scores; noise = relative standard deviation sd/mean of a model's last checkpoints (mean over the "
                    + "series given); SNR = signal / noise. Decision accuracy: share of candidate pairs ordered at small scale as at the "
                    + "target scale (target ties left out, small-scale ties count one half).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReliabilityRequests.SignalNoise.class),
            examples = @ExampleObject(name = "four models", value = SNR_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Signal and noise", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SignalNoiseResult.class)))
    public Uni<SignalNoiseResult> signalToNoise(byte[] body) {
        return bodies.read(body, ReliabilityRequests.SignalNoise.class).flatMap(r -> compute.submit(() -> {
            SignalToNoise.SignalToNoiseResult snr = SignalToNoise.of(values(r.finalScores()), samples(r.lastCheckpoints()));
            SignalToNoise.DecisionAccuracy da = null;
            if (r.small() != null || r.target() != null) {
                if (r.small() == null || r.target() == null) {
                    throw ProblemException.invalid(r.small() == null ? "small" : "target", "give both small and target");
                }
                da = SignalToNoise.decisionAccuracy(values(r.small()), values(r.target()));
            }
            return new SignalNoiseResult(snr, da);
        }));
    }

    @POST
    @Path("pass-at-k")
    @Operation(operationId = "computePassAtK", summary = "Unbiased pass@k over problems, with its standard error",
            description = "Chen et al. (2021): per problem 1 - C(n-c, k) / C(n, k) in the stable product form 1 - prod_{i=n-c+1}^{n} (1 - k/i); "
                    + "the mean over problems with its standard error sd/sqrt(problems).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReliabilityRequests.PassAtK.class),
            examples = @ExampleObject(name = "three problems", value = PASS_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "pass@k", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PassAtK.PassAtKResult.class)))
    public Uni<PassAtK.PassAtKResult> passAtK(byte[] body) {
        return bodies.read(body, ReliabilityRequests.PassAtK.class).flatMap(r -> compute.submit(() -> PassAtK.estimate(r.problems().stream().mapToInt(ReliabilityRequests.Problem::n).toArray(),
                r.problems().stream().mapToInt(ReliabilityRequests.Problem::c).toArray(), r.k())));
    }

    /** The operations of this resource that also run as jobs (POST /api/v1/jobs, or Prefer: respond-async). */
    @Override
    public List<JobOperation> jobOperations() {
        return List.of(
                JobOperation.of("computeErrorBars", "/api/v1/reliability/error-bars", ReliabilityRequests.ErrorBars.class,
                        this::errorBars),
                JobOperation.of("comparePairedModels", "/api/v1/reliability/paired-comparisons", ReliabilityRequests.Paired.class,
                        this::paired),
                JobOperation.of("computePower", "/api/v1/reliability/power", ReliabilityRequests.Power.class,
                        this::power),
                JobOperation.of("computeSeedVariance", "/api/v1/reliability/seed-variance", ReliabilityRequests.Seeds.class,
                        this::seedVariance),
                JobOperation.of("computeSignalToNoise", "/api/v1/reliability/signal-to-noise", ReliabilityRequests.SignalNoise.class,
                        this::signalToNoise),
                JobOperation.of("computePassAtK", "/api/v1/reliability/pass-at-k", ReliabilityRequests.PassAtK.class,
                        this::passAtK));
    }
}
