package io.augur.aggregate.api;

/** Request examples of the OpenAPI document; a test posts each one and expects 200. */
final class Examples {

    private Examples() {
    }

    private static final String SCORES = """
            "scores": [
                {"system": "SPR", "task": "Alien", "run": "0", "value": 919.6},
                {"system": "SPR", "task": "Alien", "run": "1", "value": 841.0},
                {"system": "SPR", "task": "Pong", "run": "0", "value": -5.4},
                {"system": "SPR", "task": "Pong", "run": "1", "value": 3.1},
                {"system": "DrQ(eps)", "task": "Alien", "run": "0", "value": 865.2},
                {"system": "DrQ(eps)", "task": "Alien", "run": "1", "value": 761.0},
                {"system": "DrQ(eps)", "task": "Pong", "run": "0", "value": -8.5},
                {"system": "DrQ(eps)", "task": "Pong", "run": "1", "value": -13.2},
                {"system": "CURL", "task": "Alien", "run": "0", "value": 558.2},
                {"system": "CURL", "task": "Alien", "run": "1", "value": 711.0},
                {"system": "CURL", "task": "Pong", "run": "0", "value": -16.5},
                {"system": "CURL", "task": "Pong", "run": "1", "value": -18.1}
              ]""";

    private static final String BASELINES = """
            "normalization": {"type": "baselines", "baselines": {
                "Alien": {"low": 227.8, "high": 7127.7},
                "Pong": {"low": -20.7, "high": 14.6}}}""";

    static final String AGGREGATES = "{\n  " + SCORES + ",\n  " + BASELINES + """
            ,
              "aggregates": ["mean", "median", "iqm", "optimality-gap"],
              "bootstrap": {"rounds": 2000, "seed": 42, "level": 0.95}
            }""";

    static final String PERFORMANCE_PROFILE = "{\n  " + SCORES + ",\n  " + BASELINES + """
            ,
              "tauGrid": {"from": 0.0, "to": 1.0, "count": 11},
              "bootstrap": {"rounds": 2000, "seed": 42}
            }""";

    static final String PROBABILITY_OF_IMPROVEMENT = "{\n  " + SCORES + """
            ,
              "x": "SPR",
              "y": "CURL",
              "bootstrap": {"rounds": 2000, "seed": 42}
            }""";

    static final String RANKING = "{\n  " + SCORES + """
            ,
              "method": "kemeny"
            }""";

    static final String AGREEMENT = """
            {
              "first": {"SPR": 1, "DrQ(eps)": 2, "CURL": 3, "SimPLe": 4},
              "second": {"SPR": 1, "DrQ(eps)": 3, "CURL": 2, "SimPLe": 4}
            }""";
}
