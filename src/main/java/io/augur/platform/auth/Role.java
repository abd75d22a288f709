package io.augur.platform.auth;

import java.util.Locale;

/**
 * What a caller may do, each role including the ones before it: a reader reads and runs stateless
 * computations, a writer also creates, replaces and deletes stored resources, an admin also manages API keys
 * and workspaces.
 */
public enum Role {
    READER, WRITER, ADMIN;

    /** Whether this role includes {@code needed}. */
    public boolean includes(Role needed) {
        return compareTo(needed) >= 0;
    }

    /** The role's name on the wire and in the database: reader, writer, admin. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role of that wire name (case-insensitive), or null. */
    public static Role of(String wire) {
        if (wire == null) {
            return null;
        }
        for (Role r : values()) {
            if (r.wire().equalsIgnoreCase(wire.strip())) {
                return r;
            }
        }
        return null;
    }
}
