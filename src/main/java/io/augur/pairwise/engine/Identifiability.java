package io.augur.pairwise.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a comparison data set has a finite maximum-likelihood estimate. For Bradley-Terry and
 * Plackett-Luce the MLE exists and is unique (up to a constant) iff the directed graph "i -> j when i
 * was preferred to j at least once" (a tie counts both ways) is strongly connected (Zermelo 1929, Ford
 * 1957; Hunter 2004, Assumption 1). Otherwise the likelihood keeps growing as some strengths go to
 * infinity and a fit would return absurd ratings. The problems name the models responsible:
 * a model with no battles, a model that never lost or tied (ALL_WINS), one that never won or tied
 * (ALL_LOSSES), a group never compared with the rest (DISCONNECTED), or a group that never lost
 * (GROUP_UNBEATEN) or never won (GROUP_WINLESS) against the models outside it.
 *
 * @param bounded true when the MLE exists
 * @param problems empty when bounded
 */
public record Identifiability(boolean bounded, List<Problem> problems) {

    public Identifiability {
        problems = List.copyOf(problems);
    }

    public enum Kind { NO_BATTLES, ALL_WINS, ALL_LOSSES, DISCONNECTED, GROUP_UNBEATEN, GROUP_WINLESS }

    /** One reason the likelihood is unbounded, with the models concerned and a human sentence. */
    public record Problem(Kind kind, List<String> models, String detail) {
        public Problem {
            models = List.copyOf(models);
        }
    }

    /** The diagnosis of merged pairwise counts (ties count as a preference both ways). */
    public static Identifiability of(PairCounts counts) {
        return of(PairData.of(counts), counts.models());
    }

    static Identifiability of(PairData d, List<String> names) {
        int m = d.pairs();
        int[] from = new int[2 * m];
        int[] to = new int[2 * m];
        int e = 0;
        boolean[] appears = new boolean[d.n];
        for (int p = 0; p < m; p++) {
            if (d.wij[p] + d.wji[p] + d.ties[p] <= 0) {
                continue;
            }
            appears[d.i[p]] = true;
            appears[d.j[p]] = true;
            if (d.wij[p] + d.ties[p] > 0) {
                from[e] = d.i[p];
                to[e++] = d.j[p];
            }
            if (d.wji[p] + d.ties[p] > 0) {
                from[e] = d.j[p];
                to[e++] = d.i[p];
            }
        }
        return analyse(d.n, names, from, to, e, appears);
    }

    /** Cheap check used inside bootstrap rounds: strongly connected or not. */
    static boolean isBounded(PairData d) {
        return of(d, null).bounded();
    }

    /**
     * Analyses the preference graph with {@code edgeCount} edges from[k] -> to[k] (from preferred to to).
     * {@code names} may be null when only the verdict is needed.
     */
    static Identifiability analyse(int n, List<String> names, int[] from, int[] to, int edgeCount, boolean[] appears) {
        List<Problem> problems = new ArrayList<>();
        int present = 0;
        for (int v = 0; v < n; v++) {
            if (appears[v]) {
                present++;
            } else if (names != null) {
                problems.add(new Problem(Kind.NO_BATTLES, List.of(names.get(v)), "model '" + names.get(v)
                        + "' has no comparisons, so its rating is not determined"));
            }
        }
        if (present < n && names == null) {
            return new Identifiability(false, List.of());
        }
        // CSR adjacency, forward and reverse.
        int[] outStart = new int[n + 1];
        int[] inStart = new int[n + 1];
        for (int k = 0; k < edgeCount; k++) {
            outStart[from[k] + 1]++;
            inStart[to[k] + 1]++;
        }
        for (int v = 0; v < n; v++) {
            outStart[v + 1] += outStart[v];
            inStart[v + 1] += inStart[v];
        }
        int[] out = new int[edgeCount];
        int[] in = new int[edgeCount];
        int[] po = outStart.clone();
        int[] pin = inStart.clone();
        for (int k = 0; k < edgeCount; k++) {
            out[po[from[k]]++] = to[k];
            in[pin[to[k]]++] = from[k];
        }
        int[] comp = stronglyConnected(n, outStart, out, inStart, in);
        int comps = 0;
        for (int c : comp) {
            comps = Math.max(comps, c + 1);
        }
        if (comps <= 1 && problems.isEmpty()) {
            return new Identifiability(true, List.of());
        }
        if (names == null) {
            return new Identifiability(comps <= 1, List.of());
        }
        // Undirected connectivity: union-find over the edges.
        int[] parent = new int[n];
        for (int v = 0; v < n; v++) {
            parent[v] = v;
        }
        for (int k = 0; k < edgeCount; k++) {
            int x = find(parent, from[k]);
            int y = find(parent, to[k]);
            if (x != y) {
                parent[x] = y;
            }
        }
        int[] size = new int[n];
        for (int v = 0; v < n; v++) {
            if (appears[v]) {
                size[find(parent, v)]++;
            }
        }
        int largest = -1;
        for (int v = 0; v < n; v++) {
            if (appears[v] && (largest < 0 || size[find(parent, v)] > size[largest])) {
                largest = find(parent, v);
            }
        }
        List<List<String>> islands = new ArrayList<>();
        int[] islandOf = new int[n];
        java.util.Arrays.fill(islandOf, -1);
        for (int v = 0; v < n; v++) {
            int root = find(parent, v);
            if (appears[v] && root != largest) {
                if (islandOf[root] < 0) {
                    islandOf[root] = islands.size();
                    islands.add(new ArrayList<>());
                }
                islands.get(islandOf[root]).add(names.get(v));
            }
        }
        for (List<String> island : islands) {
            problems.add(new Problem(Kind.DISCONNECTED, island, "these models were never compared with the "
                    + "other models, so their ratings cannot be put on the same scale"));
        }
        // Source and sink components of the condensation, within connected parts.
        boolean[] hasIn = new boolean[comps];
        boolean[] hasOut = new boolean[comps];
        for (int k = 0; k < edgeCount; k++) {
            if (comp[from[k]] != comp[to[k]]) {
                hasOut[comp[from[k]]] = true;
                hasIn[comp[to[k]]] = true;
            }
        }
        List<List<String>> members = new ArrayList<>();
        for (int c = 0; c < comps; c++) {
            members.add(new ArrayList<>());
        }
        for (int v = 0; v < n; v++) {
            if (appears[v]) {
                members.get(comp[v]).add(names.get(v));
            }
        }
        for (int c = 0; c < comps; c++) {
            List<String> group = members.get(c);
            if (group.isEmpty() || (!hasIn[c] && !hasOut[c])) {
                continue; // absent model, or a whole island already reported
            }
            boolean single = group.size() == 1;
            if (!hasIn[c]) {
                problems.add(single
                        ? new Problem(Kind.ALL_WINS, group, "model '" + group.get(0)
                                + "' never lost or tied, so its maximum-likelihood rating is infinite")
                        : new Problem(Kind.GROUP_UNBEATEN, group, "these models never lost or tied against "
                                + "any model outside the group, so the gap to the others is infinite"));
            } else if (!hasOut[c]) {
                problems.add(single
                        ? new Problem(Kind.ALL_LOSSES, group, "model '" + group.get(0)
                                + "' never won or tied, so its maximum-likelihood rating is minus infinity")
                        : new Problem(Kind.GROUP_WINLESS, group, "these models never won or tied against "
                                + "any model outside the group, so the gap to the others is infinite"));
            }
        }
        return new Identifiability(problems.isEmpty(), problems);
    }

    private static int find(int[] parent, int v) {
        while (parent[v] != v) {
            parent[v] = parent[parent[v]];
            v = parent[v];
        }
        return v;
    }

    /** Kosaraju's algorithm with explicit stacks (no recursion, so no stack overflow on long chains). */
    private static int[] stronglyConnected(int n, int[] outStart, int[] out, int[] inStart, int[] in) {
        int[] order = new int[n];
        int orderSize = 0;
        boolean[] seen = new boolean[n];
        int[] stack = new int[n];
        int[] next = new int[n];
        for (int s = 0; s < n; s++) {
            if (seen[s]) {
                continue;
            }
            int top = 0;
            stack[0] = s;
            next[s] = outStart[s];
            seen[s] = true;
            while (top >= 0) {
                int v = stack[top];
                if (next[v] < outStart[v + 1]) {
                    int w = out[next[v]++];
                    if (!seen[w]) {
                        seen[w] = true;
                        next[w] = outStart[w];
                        stack[++top] = w;
                    }
                } else {
                    order[orderSize++] = v;
                    top--;
                }
            }
        }
        int[] comp = new int[n];
        java.util.Arrays.fill(comp, -1);
        int c = 0;
        for (int k = n - 1; k >= 0; k--) {
            int s = order[k];
            if (comp[s] >= 0) {
                continue;
            }
            int top = 0;
            stack[0] = s;
            comp[s] = c;
            while (top >= 0) {
                int v = stack[top--];
                for (int e = inStart[v]; e < inStart[v + 1]; e++) {
                    int w = in[e];
                    if (comp[w] < 0) {
                        comp[w] = c;
                        stack[++top] = w;
                    }
                }
            }
            c++;
        }
        return comp;
    }
}
