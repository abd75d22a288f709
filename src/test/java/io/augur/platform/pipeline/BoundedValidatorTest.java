package io.augur.platform.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augur.forecast.api.ForecastRequests.FitRequest;
import io.augur.forecast.api.ForecastRequests.LearningCurveRequest;
import io.augur.forecast.api.ForecastRequests.PointInput;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

class BoundedValidatorTest {

    private static final ValidatorFactory FACTORY = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();
    private static final BoundedValidator VALIDATOR = new BoundedValidator(FACTORY.getValidator());

    @Test
    void twentyThousandNullsStopAfterTheLimit() {
        List<PointInput> points = new ArrayList<>(Collections.nCopies(20_000, null));
        FitRequest r = new FitRequest("power-law", points, null, null, null, null, null, null, null, null);
        long t0 = System.nanoTime();
        BoundedValidator.Result res = VALIDATOR.validate(r, 20);
        System.out.println("validate ms " + (System.nanoTime() - t0) / 1e6);
        assertEquals(20, res.errors().size());
        assertTrue(res.more());
        assertEquals("points[0]", res.errors().getFirst().field());
        assertEquals("points[19]", res.errors().get(19).field());
    }

    @Test
    void violationsInLaterChunksKeepTheirIndices() {
        List<PointInput> points = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            points.add(i == 40 || i == 70 ? null : new PointInput(i + 1.0, null, null, i == 95 ? Double.NaN : 1.0, null, null, null));
        }
        FitRequest r = new FitRequest("power-law", points, null, null, null, null, null, null, null, null);
        BoundedValidator.Result res = VALIDATOR.validate(r, 20);
        assertEquals(List.of("points[40]", "points[70]", "points[95].y"), res.errors().stream().map(e -> e.field()).toList());
        assertTrue(!res.more());
    }

    @Test
    void theContainersOwnConstraintComesWithItsElements() {
        // at least 3 points, and one of the two is null
        LearningCurveRequest r = new LearningCurveRequest(java.util.Arrays.asList(new PointInput(1.0, null, null, 0.5, null, null, null), null),
                40.0, null, null, null, null, null, null, null);
        BoundedValidator.Result res = VALIDATOR.validate(r, 20);
        assertEquals(List.of("points", "points[1]"), res.errors().stream().map(e -> e.field()).toList());
    }

    @Test
    void aValidBodyHasNoViolations() {
        List<PointInput> points = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            points.add(new PointInput(i + 1.0, null, null, 1.0 / (i + 1), null, null, null));
        }
        assertTrue(VALIDATOR.validate(new FitRequest("power-law", points, null, null, null, null, null, null, null, null), 20)
                .errors().isEmpty());
    }

    @Test
    void constrainedAccessorsAreChecked() {
        // PlackettLuceRequest.isRankingsOrChoices(): exactly one of rankings and choices
        var r = new io.augur.pairwise.api.PlackettLuceRequest(List.of(List.of("a", "b")),
                List.of(new io.augur.pairwise.api.ChoiceInput("a", List.of("b"))), null, null);
        assertEquals(List.of("rankingsOrChoices"), VALIDATOR.validate(r, 20).errors().stream().map(e -> e.field()).toList());
    }

    /** Every body read through RequestBodies: the walk checks their list and map constraints itself. */
    @Test
    void everyRequestRecordUsesSupportedContainerConstraints() {
        for (Class<?> type : List.of(FitRequest.class, io.augur.forecast.api.ForecastRequests.PredictRequest.class,
                io.augur.forecast.api.ForecastRequests.BacktestRequest.class, io.augur.forecast.api.ForecastRequests.TargetRequest.class,
                io.augur.forecast.api.ForecastRequests.ComputeOptimalRequest.class, LearningCurveRequest.class,
                io.augur.aggregate.api.AggregatesRequest.class, io.augur.aggregate.api.PerformanceProfileRequest.class,
                io.augur.aggregate.api.ProbabilityOfImprovementRequest.class, io.augur.aggregate.api.RankingRequest.class,
                io.augur.aggregate.api.RankAgreementRequest.class, io.augur.retrieval.api.RunComparisonRequest.class,
                io.augur.retrieval.api.TrecEvaluationRequest.class, io.augur.retrieval.api.RecommendationEvaluationRequest.class,
                io.augur.pairwise.api.ArenaInput.class, io.augur.pairwise.api.AppendBattlesInput.class,
                io.augur.pairwise.api.EloRequest.class, io.augur.pairwise.api.BradleyTerryRequest.class,
                io.augur.pairwise.api.PlackettLuceRequest.class, io.augur.horizon.api.HorizonRequests.TimeHorizons.class,
                io.augur.horizon.api.HorizonRequests.Trend.class, io.augur.reliability.api.ReliabilityRequests.ErrorBars.class,
                io.augur.reliability.api.ReliabilityRequests.Paired.class, io.augur.reliability.api.ReliabilityRequests.Power.class,
                io.augur.reliability.api.ReliabilityRequests.Seeds.class, io.augur.reliability.api.ReliabilityRequests.SignalNoise.class,
                io.augur.reliability.api.ReliabilityRequests.PassAtK.class, io.augur.matrix.api.MatrixRequests.CompletionRequest.class,
                io.augur.matrix.api.MatrixRequests.CapabilityIndexRequest.class, io.augur.matrix.api.MatrixRequests.ObservationalScalingRequest.class,
                io.augur.matrix.api.MatrixRequests.BacktestRequest.class, io.augur.matrix.api.MatrixRequests.NextMeasurementRequest.class,
                io.augur.matrix.api.MatrixRequests.ModelChoiceRequest.class, io.augur.matrix.api.MatrixRequests.RouterEvaluationRequest.class)) {
            VALIDATOR.requireSupported(type);
        }
    }

    @Test
    void indicesSortAsNumbers() {
        assertTrue(BoundedValidator.naturalOrder("points[9].x", "points[10].x") < 0);
        assertTrue(BoundedValidator.naturalOrder("points[10]", "points[9]") > 0);
        assertEquals(0, BoundedValidator.naturalOrder("a[1].b", "a[1].b"));
        assertTrue(BoundedValidator.naturalOrder("a[1]", "a[1].b") < 0);
    }
}
