package io.augur.pairwise.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.augur.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Battles for the API tests: LLMFAO (shared reference data) and a small synthetic arena. */
final class PairwiseTestData {

    static final ObjectMapper JSON = new ObjectMapper();

    record B(String a, String b, String outcome) {
        String json() {
            return "{\"modelA\":\"" + a + "\",\"modelB\":\"" + b + "\",\"outcome\":\"" + outcome + "\"}";
        }

        String json(String id) {
            return "{\"battleId\":\"" + id + "\",\"modelA\":\"" + a + "\",\"modelB\":\"" + b + "\",\"outcome\":\""
                    + outcome + "\"}";
        }
    }

    private PairwiseTestData() {
    }

    /** LLMFAO's battles (left, right, winner in {left, right, tie}) in file order; skips when absent. */
    static List<B> llmfao() throws IOException {
        List<String> lines = Files.readAllLines(SharedData.require("pairwise/llmfao.csv"));
        List<B> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            String outcome = switch (f[5]) {
                case "left" -> "a";
                case "right" -> "b";
                default -> "tie";
            };
            out.add(new B(f[6], f[7], outcome));
        }
        return out;
    }

    static String llmfaoCsv() throws IOException {
        return Files.readString(SharedData.require("pairwise/llmfao.csv"));
    }

    static Map<String, Double> golden(String algorithm) throws IOException {
        Map<String, Double> out = new HashMap<>();
        for (String line : Files.readAllLines(SharedData.require("pairwise/llmfao-golden.csv"))) {
            int first = line.indexOf(',');
            int last = line.lastIndexOf(',');
            if (line.substring(0, first).equals(algorithm)) {
                out.put(line.substring(first + 1, last), Double.parseDouble(line.substring(last + 1)));
            }
        }
        return out;
    }

    /** Deterministic battles among six models of known strengths, both orientations, with ties. */
    static List<B> synthetic(int n, long seed) {
        String[] models = {"m-alpha", "m-bravo", "m-charlie", "m-delta", "m-echo", "m-foxtrot"};
        double[] strength = {2.0, 1.5, 1.0, 0.7, 0.5, 0.3};
        Random rng = new Random(seed);
        List<B> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            int i = rng.nextInt(models.length);
            int j = rng.nextInt(models.length - 1);
            if (j >= i) {
                j++;
            }
            double u = rng.nextDouble();
            String outcome = u < 0.2 ? "tie" : u < 0.2 + 0.8 * strength[i] / (strength[i] + strength[j]) ? "a" : "b";
            out.add(new B(models[i], models[j], outcome));
        }
        return out;
    }

    static String battlesJson(List<B> battles) {
        StringBuilder sb = new StringBuilder("[");
        for (int k = 0; k < battles.size(); k++) {
            sb.append(k > 0 ? "," : "").append(battles.get(k).json());
        }
        return sb.append(']').toString();
    }

    /** {"battles": [...]} with ids prefix + index, for battles[from, to). */
    static String batch(List<B> battles, int from, int to, String prefix) {
        StringBuilder sb = new StringBuilder("{\"battles\":[");
        for (int k = from; k < to; k++) {
            sb.append(k > from ? "," : "").append(battles.get(k).json(prefix + k));
        }
        return sb.append("]}").toString();
    }

    static JsonNode tree(String body) throws IOException {
        return JSON.readTree(body);
    }

    /** model -> entry node of a leaderboard response. */
    static Map<String, JsonNode> entries(JsonNode board) {
        Map<String, JsonNode> out = new HashMap<>();
        for (JsonNode e : board.get("entries")) {
            out.put(e.get("model").asText(), e);
        }
        return out;
    }
}
