package io.augur.aggregate.api;

/** The score-table OpenAPI examples, for tests in other packages. */
public final class ExamplesAccess {

    private ExamplesAccess() {
    }

    public static String aggregates() {
        return Examples.AGGREGATES;
    }

    public static String performanceProfile() {
        return Examples.PERFORMANCE_PROFILE;
    }
}
