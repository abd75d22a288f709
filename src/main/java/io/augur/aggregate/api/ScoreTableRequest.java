package io.augur.aggregate.api;

import java.util.List;

/**
 * The table part shared by every score-table request: the scores inline or a stored selection (exactly
 * one), the normalisation and the missing-task policy.
 */
public interface ScoreTableRequest {

    List<ScoreInput> scores();

    ScoreSelection selection();

    NormalizationInput normalization();

    /** {@code reject} (default) or {@code common-tasks}. */
    String missingTasks();
}
