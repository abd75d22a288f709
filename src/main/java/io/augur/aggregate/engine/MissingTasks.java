package io.augur.aggregate.engine;

/**
 * What to do when some system has no score on some task.
 *
 * <p>Aggregates and rankings compare systems over the same tasks, so by default an incomplete table
 * is rejected ({@link #REJECT}: an {@link io.augur.stats.InvalidInputException} on field
 * {@code scores} naming the first system and task that are missing). A caller may opt in to
 * {@link #COMMON_TASKS}: tasks not scored for every system are dropped before anything is computed
 * and listed in the result's {@code droppedTasks}; if no task is common to all systems the table is
 * rejected.
 */
public enum MissingTasks {
    REJECT,
    COMMON_TASKS
}
