package io.augur.platform.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a store method that takes no {@link Workspace} on purpose, saying why (WorkspaceScopeTest requires a
 * Workspace of every other one): the lookup that authenticates a key, or the job queue's own bookkeeping, which
 * no caller reaches.
 */
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.METHOD)
public @interface Unscoped {
    /** Why this method reads or writes across workspaces. */
    String value();
}
