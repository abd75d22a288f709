package io.augur.horizon.engine;

/**
 * How runs are weighted in each agent's fit. METR (Kwa et al. 2025, eval-analysis-public
 * compute_task_weights) weights a task by 1 / sqrt(number of tasks of its family that the agent ran), shares that weight
 * equally among the agent's runs of the task, and normalises the weights to sum to 1 per agent.
 */
public enum Weighting {
    /** Each run's given weight (METR's {@code invsqrt_task_weight} column), normalised per agent; a missing weight is an error. */
    GIVEN,
    /** Computed as METR does: 1 / sqrt(tasks in the family) per task, split among the agent's runs of it, normalised per agent. */
    INVSQRT_TASK_FAMILY,
    /** Every task counts the same, split among the agent's runs of it, normalised per agent. */
    EQUAL_TASK
}
