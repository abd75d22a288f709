package io.augur.platform.jobs;

import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every operation that can run as a job, by operationId and by path, collected at start from the resources
 * ({@link JobOperation.Source}).
 */
@ApplicationScoped
public class JobOperations {

    private final Map<String, JobOperation> byId = new TreeMap<>();
    private final Map<String, JobOperation> byPath = new TreeMap<>();

    public JobOperations(@All List<JobOperation.Source> sources) {
        for (JobOperation.Source s : sources) {
            for (JobOperation op : s.jobOperations()) {
                if (byId.put(op.operationId(), op) != null || op.path() != null && byPath.put(op.path(), op) != null) {
                    throw new IllegalStateException("job operation declared twice: " + op.operationId() + " " + op.path());
                }
            }
        }
    }

    public Optional<JobOperation> byOperationId(String operationId) {
        return Optional.ofNullable(byId.get(operationId));
    }

    public Optional<JobOperation> byPath(String path) {
        return Optional.ofNullable(byPath.get(path));
    }

    /** The operationIds, sorted. */
    public List<String> operationIds() {
        return List.copyOf(byId.keySet());
    }
}
