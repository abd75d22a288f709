package io.augur.platform.auth;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The first admin key. When the database holds no API key at all, the process that migrates it (the embedded
 * default at start, or the {@code migrate} run mode) creates an admin key of the default workspace: the one
 * configured as {@code augur.auth.bootstrap-key} (stored hashed, never logged: how the dev profile, the tests
 * and scripted installs get a known key), or else a fresh one, printed once to the log. Replicas or Jobs
 * racing here are serialised by a transaction-level advisory lock, so exactly one key is created.
 */
@ApplicationScoped
public class KeyBootstrap {

    private static final Logger LOG = Logger.getLogger(KeyBootstrap.class);
    /** pg_advisory_xact_lock key of the bootstrap ("augur key" in ASCII). */
    private static final long LOCK = 0x6175677572206bL;

    private final Pool pool;
    private final Optional<String> configured;
    private final boolean migrateAtStart;
    private final boolean enabled;

    public KeyBootstrap(Pool pool, @ConfigProperty(name = "augur.auth.bootstrap-key") Optional<String> configured,
            @ConfigProperty(name = "augur.database.migrate-at-start", defaultValue = "false") boolean migrateAtStart,
            @ConfigProperty(name = "augur.auth.enabled", defaultValue = "true") boolean enabled) {
        this.pool = pool;
        this.configured = configured.filter(k -> !k.isBlank());
        this.migrateAtStart = migrateAtStart;
        this.enabled = enabled;
        if (this.configured.isPresent() && KeySecrets.handle(this.configured.get()) == null) {
            throw new IllegalArgumentException("augur.auth.bootstrap-key must read augur_<handle>_<secret>");
        }
    }

    void onStart(@Observes StartupEvent event) {
        if (migrateAtStart && enabled) {
            ensure().await().atMost(Duration.ofSeconds(60));
        }
    }

    /** Creates the bootstrap admin key when no key exists; true when one was created. */
    public Uni<Boolean> ensure() {
        return pool.withTransaction(conn -> conn.preparedQuery("select pg_advisory_xact_lock($1)").execute(Tuple.of(LOCK))
                .flatMap(locked -> conn.query("select exists (select 1 from api_key) as any").execute())
                .flatMap(rs -> {
                    if (rs.iterator().next().getBoolean("any")) {
                        return Uni.createFrom().item(false);
                    }
                    String key = configured.orElseGet(KeySecrets::newKey);
                    return conn.preparedQuery("select id from workspace where name = $1")
                            .execute(Tuple.of(AccessStore.DEFAULT_WORKSPACE))
                            .flatMap(ws -> AccessStore.insertKey(conn, ws.iterator().next().getLong("id"),
                                    "bootstrap admin", Role.ADMIN, null, null, key))
                            .map(info -> {
                                if (configured.isPresent()) {
                                    LOG.infof("Bootstrap admin key %s created from augur.auth.bootstrap-key "
                                            + "(workspace '%s')", info.prefix(), AccessStore.DEFAULT_WORKSPACE);
                                } else {
                                    LOG.warnf("Bootstrap admin key of workspace '%s', shown this once (store it now; "
                                            + "create other keys with it and revoke it when done): %s",
                                            AccessStore.DEFAULT_WORKSPACE, key);
                                }
                                return true;
                            });
                }));
    }
}
