package io.augur.horizon.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads METR's runs JSONL (alias, task_id, task_family, run_id, human_minutes, score_binarized, invsqrt_task_weight). */
final class MetrRuns {

    private MetrRuns() {
    }

    static List<AgentRun> read(Path file) {
        ObjectMapper json = new ObjectMapper();
        List<AgentRun> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = json.readTree(line);
                out.add(new AgentRun(n.get("alias").asText(), n.get("task_id").asText(), n.get("task_family").asText(),
                        n.get("run_id").asText(), n.get("human_minutes").asDouble(), n.get("score_binarized").asDouble(),
                        n.get("invsqrt_task_weight").asDouble()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
