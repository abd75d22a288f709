package io.augur.platform.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a REST resource (every method other than GET, HEAD and OPTIONS) or a single resource method as one that
 * changes stored data or keys: each call writes one audit line ({@link AuditLog}), whatever its outcome.
 * {@code AuditCoverageTest} checks that every PUT, PATCH and DELETE operation is marked.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface Audited {
}
