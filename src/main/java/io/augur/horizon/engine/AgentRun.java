package io.augur.horizon.engine;

/**
 * One agent run on one task, as in METR's runs file: the agent (METR's {@code alias}), the task and
 * its family, the run's id, the time a human expert needs ({@code human_minutes}), the run's score in
 * [0, 1] (METR fits {@code score_binarized}; a fractional score counts as that share of a success),
 * and the run's weight ({@code invsqrt_task_weight}), or null when the weights are to be computed.
 */
public record AgentRun(String agent, String taskId, String taskFamily, String runId, double humanMinutes,
        double score, Double weight) {
}
