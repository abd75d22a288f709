package io.augur.platform.logging;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import java.util.logging.Handler;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.handlers.ConsoleHandler;

/**
 * Structured logs: when {@code augur.log.json} is true (the prod default) every console handler
 * writes one JSON object per line (timestamp,
 * level, logger, thread, message, MDC, exception), see {@link JsonLogFormatter}.
 */
public class JsonConsoleLog {

    void onStart(@Observes @Priority(1) StartupEvent event,
            @ConfigProperty(name = "augur.log.json") boolean json) {
        if (json) {
            for (Handler h : LogContext.getLogContext().getLogger("").getHandlers()) {
                useJson(h);
            }
        }
    }

    private static void useJson(Handler handler) {
        if (handler instanceof ConsoleHandler console) {
            console.setFormatter(new JsonLogFormatter());
        }
        if (handler instanceof ExtHandler ext) {
            for (Handler child : ext.getHandlers()) {
                useJson(child);
            }
        }
    }
}
