package io.augur.matrix.api;

/** Request examples for the OpenAPI document; every one is posted by MatrixResourceTest and must answer 200. */
final class MatrixExamples {

    private MatrixExamples() {
    }

    static final String TABLE = """
            "models": ["llama-7b", "llama-13b", "llama-70b", "mistral-7b", "qwen-14b", "qwen-72b"],
            "benchmarks": ["MMLU", "GSM8K", "HumanEval", "ARC-C"],
            "scores": [[0.44, 0.14, 0.13, 0.53], [0.55, 0.23, null, 0.59], [0.69, 0.53, 0.30, 0.67],
                       [0.63, 0.37, 0.29, null], [0.67, 0.58, 0.37, 0.56], [0.77, null, 0.46, 0.65]]""";

    static final String COMPLETION = "{" + TABLE + """
            ,
            "method": "als",
            "rank": 1,
            "bootstrap": {"rounds": 200, "seed": 7}
            }""";

    static final String CAPABILITY = "{" + TABLE + """
            ,
            "floors": {"MMLU": 0.25, "ARC-C": 0.25},
            "bootstrap": {"rounds": 200, "seed": 7}
            }""";

    static final String BACKTEST = "{" + TABLE + """
            ,
            "holdout": {"kind": "random", "fraction": 0.2, "seed": 3},
            "methods": ["als", "nearest-models"],
            "bootstrap": {"rounds": 50, "seed": 7}
            }""";

    static final String NEXT = "{" + TABLE + """
            ,
            "model": "mistral-7b",
            "asked": ["ARC-C"],
            "rank": 1,
            "bootstrap": {"rounds": 100, "seed": 7}
            }""";

    static final String CHOICE = "{" + TABLE + """
            ,
            "candidates": ["llama-70b", "mistral-7b", "qwen-72b"],
            "profile": {"GSM8K": 2, "MMLU": 1},
            "costs": {"llama-70b": 0.9, "mistral-7b": 0.2, "qwen-72b": 0.9},
            "budget": 0.5,
            "bootstrap": {"rounds": 200, "seed": 7}
            }""";

    static final String OBSERVATIONAL = """
            {
            "models": ["a-1b", "a-3b", "a-7b", "b-2b", "b-8b", "c-1b", "c-13b", "c-70b"],
            "predictors": ["MMLU", "ARC-C", "HellaSwag"],
            "predictorScores": [[0.26, 0.30, 0.45], [0.30, 0.38, 0.58], [0.45, 0.50, 0.72], [0.28, 0.33, 0.50],
                                [0.52, 0.55, 0.78], [0.25, 0.29, null], [0.55, 0.58, 0.80], [0.69, 0.67, 0.84]],
            "target": "GPQA",
            "targetScores": [0.24, 0.25, 0.27, 0.25, 0.29, 0.24, 0.30, null],
            "floor": 0.25,
            "compute": [6, 18, 42, 12, 48, 6, 78, 840],
            "threshold": 50,
            "components": 1,
            "bootstrap": {"rounds": 100, "seed": 7}
            }""";

    static final String ROUTER = """
            {
            "strong": "big", "weak": "small",
            "results": [
              {"model": "big", "prompt": "p1", "score": 1, "cost": 10}, {"model": "small", "prompt": "p1", "score": 0, "cost": 1},
              {"model": "big", "prompt": "p2", "score": 1, "cost": 10}, {"model": "small", "prompt": "p2", "score": 1, "cost": 1},
              {"model": "big", "prompt": "p3", "score": 1, "cost": 10}, {"model": "small", "prompt": "p3", "score": 0, "cost": 1},
              {"model": "big", "prompt": "p4", "score": 0, "cost": 10}, {"model": "small", "prompt": "p4", "score": 0, "cost": 1}],
            "routerScores": {"p1": 0.9, "p2": 0.8, "p3": 0.7, "p4": 0.1}
            }""";
}
