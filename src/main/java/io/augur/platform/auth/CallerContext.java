package io.augur.platform.auth;

import io.augur.platform.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;

/**
 * The current request's caller, set by {@link Authentication} before the resource method runs. Resources ask
 * it for the {@link Workspace} to pass to the stores.
 */
@RequestScoped
public class CallerContext {

    private Caller caller;

    void set(Caller caller) {
        this.caller = caller;
    }

    /** The caller, or null when the request was not authenticated (an anonymous stateless computation). */
    public Caller caller() {
        return caller;
    }

    /** The caller's workspace; 401 when there is none (a stored resource needs an authenticated caller). */
    public Workspace workspace() {
        if (caller == null || caller.workspace() == null) {
            throw Authentication.unauthenticated("stored resources need an API key or a bearer token");
        }
        return caller.workspace();
    }
}
