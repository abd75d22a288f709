package io.augur.platform.auth;

import java.util.Objects;
import java.util.UUID;

/**
 * The workspace a request acts in: every store method takes one and scopes its queries to it. Only the
 * authentication layer (this package) creates them, from a verified API key or bearer token, so no code path
 * can reach a store without a scope, nor forge another caller's.
 */
public final class Workspace {

    private final long id;
    private final UUID publicId;
    private final String name;

    Workspace(long id, UUID publicId, String name) {
        this.id = id;
        this.publicId = Objects.requireNonNull(publicId);
        this.name = Objects.requireNonNull(name);
    }

    /** The internal key (workspace.id), for store queries only; never shown. */
    public long id() {
        return id;
    }

    public UUID publicId() {
        return publicId;
    }

    public String name() {
        return name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Workspace w && w.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        return "workspace " + name;
    }
}
