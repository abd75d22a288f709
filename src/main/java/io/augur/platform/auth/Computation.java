package io.augur.platform.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource (class or method) whose POSTs are stateless computations: a reader may call them, and an
 * anonymous caller too when {@code augur.auth.anonymous-compute=true}. Without it a POST is a write (writer).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface Computation {
}
