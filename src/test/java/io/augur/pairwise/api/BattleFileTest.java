package io.augur.pairwise.api;

import static io.augur.testing.Multipart.gzip;
import static io.augur.pairwise.api.ArenaResourceTest.PROBLEM;
import static io.augur.pairwise.api.ArenaResourceTest.createArena;
import static io.augur.pairwise.api.ArenaResourceTest.unique;
import static io.augur.pairwise.api.PairwiseTestData.battlesJson;
import static io.augur.pairwise.api.PairwiseTestData.tree;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.augur.testing.Multipart;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whole battle files: the stateless Bradley-Terry and Elo leaderboards and the stored arena (issue 14). */
@QuarkusTest
class BattleFileTest {

    static String csv(List<PairwiseTestData.B> battles, boolean ids) {
        StringBuilder sb = new StringBuilder(ids ? "battle_id,model_a,model_b,winner\n" : "model_a,model_b,winner\n");
        for (int i = 0; i < battles.size(); i++) {
            PairwiseTestData.B b = battles.get(i);
            String w = switch (b.outcome()) {
                case "a" -> "model_a";
                case "b" -> "model_b";
                default -> i % 2 == 0 ? "tie" : "tie (bothbad)";
            };
            sb.append(ids ? "id-" + i + "," : "").append(b.a()).append(',').append(b.b()).append(',').append(w).append('\n');
        }
        return sb.toString();
    }

    static String jsonl(List<PairwiseTestData.B> battles) {
        StringBuilder sb = new StringBuilder();
        for (PairwiseTestData.B b : battles) {
            sb.append("{\"model_a\": \"").append(b.a()).append("\", \"model_b\": \"").append(b.b())
                    .append("\", \"winner\": \"").append(b.outcome()).append("\"}\n");
        }
        return sb.toString();
    }


    static RequestSpecification upload(byte[] file, String... form) {
        return Multipart.file("battles", file, form);
    }

    static ValidatableResponse bradleyTerry(byte[] file, String... form) {
        return upload(file, form).post("/api/v1/leaderboards/bradley-terry/file").then();
    }

    static ValidatableResponse arenaFile(String id, byte[] file, String... form) {
        return upload(file, form).post("/api/v1/arenas/" + id + "/battles/file").then();
    }

    static String inline(List<PairwiseTestData.B> battles, int rounds) {
        return given().contentType(ContentType.JSON).body("{\"battles\": " + battlesJson(battles)
                + ", \"bootstrap\": {\"rounds\": " + rounds + ", \"seed\": 5}}")
                .post("/api/v1/leaderboards/bradley-terry").then().statusCode(200).extract().asString();
    }

    static void sameBoard(String expected, String actual) throws IOException {
        JsonNode e = tree(expected);
        JsonNode a = tree(actual);
        assertEquals(e.get("entries"), a.get("entries"));
        assertEquals(e.get("observations"), a.get("observations"));
    }

    @Test
    void everyFormatGivesTheLeaderboardOfTheSameBattlesInline() throws IOException {
        List<PairwiseTestData.B> battles = PairwiseTestData.synthetic(600, 11);
        String expected = inline(battles, 50);
        byte[] csv = csv(battles, false).getBytes(StandardCharsets.UTF_8);
        sameBoard(expected, bradleyTerry(csv, "rounds", "50", "seed", "5").statusCode(200).extract().asString());
        // gzip by magic bytes, and JSON Lines
        sameBoard(expected, bradleyTerry(gzip(csv(battles, false)), "rounds", "50", "seed", "5").statusCode(200)
                .extract().asString());
        sameBoard(expected, bradleyTerry(jsonl(battles).getBytes(StandardCharsets.UTF_8), "rounds", "50", "seed", "5",
                "format", "jsonl").statusCode(200).extract().asString());
        // options are form fields: the bootstrap echo says which were used
        bradleyTerry(csv, "rounds", "20", "seed", "9", "level", "0.9").statusCode(200)
                .body("bootstrap.rounds", equalTo(20)).body("bootstrap.seed", equalTo(9))
                .body("bootstrap.level", equalTo(0.9f));
        // Elo replays the file in order: the same as the inline request
        String elo = given().contentType(ContentType.JSON).body("{\"battles\": " + battlesJson(battles)
                + ", \"bootstrap\": {\"rounds\": 30, \"seed\": 5}}").post("/api/v1/leaderboards/elo").then()
                .statusCode(200).extract().asString();
        sameBoard(elo, upload(csv, "rounds", "30", "seed", "5").post("/api/v1/leaderboards/elo/file").then()
                .statusCode(200).extract().asString());
    }

    /** FastChat's clean_battle JSON layout (written for this test): a list of records with many more fields. */
    static final String CLEAN_BATTLE = """
            [
              {"model_a": "vicuna-13b", "model_b": "koala-13b", "winner": "model_a", "judge": "arena_user_1",
               "turn": 1, "anony": true, "language": "English", "tstamp": 1682351591.1322,
               "conv_metadata": {"sum_user_tokens": 12, "sum_assistant_a_tokens": 240, "sum_assistant_b_tokens": 198},
               "is_code": false, "is_refusal": false, "dedup_tag": {"high_freq": false, "sampled": true},
               "category_tag": {"criteria_v0.1": {"specificity": false}}, "question_id": "q-0001"},
              {"model_a": "koala-13b", "model_b": "alpaca-13b", "winner": "tie (bothbad)", "judge": "arena_user_2",
               "turn": 2, "anony": true, "language": "English", "tstamp": 1682351600.5,
               "dedup_tag": {"high_freq": true, "sampled": false}, "question_id": "q-0002"},
              {"model_a": "alpaca-13b", "model_b": "vicuna-13b", "winner": "model_b", "judge": "arena_user_3",
               "turn": 1, "anony": false, "language": "German", "tstamp": 1682351700.0,
               "dedup_tag": {"high_freq": false, "sampled": true}, "question_id": "q-0003"},
              {"model_a": "vicuna-13b", "model_b": "alpaca-13b", "winner": "tie", "judge": "arena_user_4",
               "turn": 1, "anony": true, "language": "English", "tstamp": 1682351800.0, "question_id": "q-0004"},
              {"model_a": "koala-13b", "model_b": "vicuna-13b", "winner": "model_b", "judge": "arena_user_5",
               "turn": 3, "anony": true, "language": "Spanish", "tstamp": 1682351900.0,
               "dedup_tag": {"high_freq": false, "sampled": true}, "question_id": "q-0005"},
              {"model_a": "alpaca-13b", "model_b": "koala-13b", "winner": "model_a", "judge": "arena_user_6",
               "turn": 1, "anony": true, "language": "English", "tstamp": 1682352000.0,
               "dedup_tag": {"high_freq": false, "sampled": true}, "question_id": "q-0006"}
            ]
            """;

    @Test
    void fastChatCleanBattleJsonWithItsFilters() {
        byte[] file = CLEAN_BATTLE.getBytes(StandardCharsets.UTF_8);
        bradleyTerry(file, "rounds", "10", "regularization", "0.1").statusCode(200).body("observations", equalTo(6));
        // anony drops record 3; dedup drops record 2 (sampled false); record 4 has no dedup_tag and is kept
        bradleyTerry(file, "rounds", "10", "regularization", "0.1", "anony", "true").statusCode(200)
                .body("observations", equalTo(5));
        bradleyTerry(file, "rounds", "10", "regularization", "0.1", "anony", "true", "dedup", "true").statusCode(200)
                .body("observations", equalTo(4));
    }

    @Test
    void badFilesAreProblemsNamingLineAndField() throws IOException {
        byte[] bad = "model_a,model_b,winner\nx,y,model_a\ny,z,tie\nx,z,maybe\n".getBytes(StandardCharsets.UTF_8);
        bradleyTerry(bad).statusCode(400).contentType(PROBLEM).body("field", equalTo("csv line 4 column winner"));
        bradleyTerry("model_a,model_b,winner\nx,x,tie\n".getBytes(StandardCharsets.UTF_8)).statusCode(400)
                .body("field", equalTo("csv line 2 column model_b"));
        bradleyTerry("{\"model_a\":\"x\",\"model_b\":\"y\",\"winner\":\"tie\"}\n{\"model_a\":\"x\",\"winner\":\"tie\"}\n"
                .getBytes(StandardCharsets.UTF_8)).statusCode(400).body("field", equalTo("jsonl line 2 field model_b"));
        bradleyTerry("{\"model_a\":\"x\",\"model_b\":\"y\",\"winner\":\"tie\"}\n{\"model_a\":\"x\",\n"
                .getBytes(StandardCharsets.UTF_8)).statusCode(400).body("field", containsString("jsonl line"));
        // unknown columns: the problem lists the header it found
        bradleyTerry("a,b,c\n1,2,3\n".getBytes(StandardCharsets.UTF_8)).statusCode(400)
                .body("field", equalTo("csv header")).body("detail", containsString("[a, b, c]"));
        // mixed formats: a CSV file declared as JSON
        bradleyTerry("model_a,model_b,winner\nx,y,tie\n".getBytes(StandardCharsets.UTF_8), "format", "json")
                .statusCode(400).body("field", equalTo("format"));
        // a truncated gzip stream
        byte[] z = gzip(csv(PairwiseTestData.synthetic(3000, 2), false));
        bradleyTerry(Arrays.copyOf(z, z.length / 2)).statusCode(400).body("field", equalTo("file"))
                .body("detail", containsString("gzip"));
        // bad form fields
        bradleyTerry("model_a,model_b,winner\nx,y,tie\n".getBytes(StandardCharsets.UTF_8), "rounds", "1")
                .statusCode(400).body("field", equalTo("rounds"));
        given().multiPart("rounds", "10").post("/api/v1/leaderboards/bradley-terry/file").then().statusCode(400)
                .body("field", equalTo("file"));
    }

    @Test
    void everyFormFieldOfTheThreeBattleFileFormsNamesItselfWhenBad() {
        byte[] file = "model_a,model_b,winner\nx,y,tie\n".getBytes(StandardCharsets.UTF_8);
        String arena = "/api/v1/arenas/" + createArena(unique("form")) + "/battles/file";
        // the fields every battle-file form shares (BattleFileForm), on each of the three operations
        for (String path : List.of("/api/v1/leaderboards/bradley-terry/file", "/api/v1/leaderboards/elo/file", arena)) {
            for (String[] bad : List.of(new String[] {"format", "xml"}, new String[] {"anony", "yes"},
                    new String[] {"dedup", "1"})) {
                upload(file, bad).post(path).then().statusCode(400).contentType(PROBLEM).body("field", equalTo(bad[0]));
            }
            given().multiPart("format", "csv").post(path).then().statusCode(400).contentType(PROBLEM)
                    .body("field", equalTo("file"));
        }
        // the bootstrap fields of the two rating forms (RatingFileForm), then each form's own fields
        for (String path : List.of("/api/v1/leaderboards/bradley-terry/file", "/api/v1/leaderboards/elo/file")) {
            for (String[] bad : List.of(new String[] {"rounds", "10001"}, new String[] {"seed", "4.5"},
                    new String[] {"level", "1"})) {
                upload(file, bad).post(path).then().statusCode(400).contentType(PROBLEM).body("field", equalTo(bad[0]));
            }
        }
        for (String[] bad : List.of(new String[] {"ties", "draw"}, new String[] {"regularization", "-1"},
                new String[] {"anchorRating", "NaN"})) {
            bradleyTerry(file, bad).statusCode(400).contentType(PROBLEM).body("field", equalTo(bad[0]));
        }
        upload(file, "k", "0").post("/api/v1/leaderboards/elo/file").then().statusCode(400).contentType(PROBLEM)
                .body("field", equalTo("k"));
        upload(file, "idPrefix", "p".repeat(101)).post(arena).then().statusCode(400).contentType(PROBLEM)
                .body("field", equalTo("idPrefix"));
        // and good values are read: the bootstrap echo says which were used
        upload(file, "rounds", "20", "seed", "5", "level", "0.9", "k", "8", "anony", "false", "format", "csv")
                .post("/api/v1/leaderboards/elo/file").then().statusCode(200)
                .body("bootstrap.rounds", equalTo(20)).body("bootstrap.seed", equalTo(5)).body("bootstrap.level", equalTo(0.9f));
    }

    @Test
    void anArenaTakesAWholeFileIdempotently() throws IOException {
        List<PairwiseTestData.B> battles = PairwiseTestData.synthetic(1200, 21);
        String id = createArena(unique("file"));
        byte[] file = gzip(csv(battles, false));
        arenaFile(id, file).statusCode(200).body("received", equalTo(1200)).body("added", equalTo(1200))
                .body("alreadyKnown", equalTo(0)).body("format", equalTo("csv"))
                .body("battleIds", containsString("derived"));
        // the same file again adds nothing
        arenaFile(id, file).statusCode(200).body("added", equalTo(0)).body("alreadyKnown", equalTo(1200));
        // the file grown at its end adds only the new battles
        List<PairwiseTestData.B> more = PairwiseTestData.synthetic(1500, 21);
        arenaFile(id, csv(more, false).getBytes(StandardCharsets.UTF_8)).statusCode(200).body("added", equalTo(300))
                .body("alreadyKnown", equalTo(1200));
        given().get("/api/v1/arenas/" + id).then().statusCode(200).body("battles", equalTo(1500));
        // the stored leaderboard is the stateless one of the same battles
        String stored = given().queryParam("rounds", 40).queryParam("seed", 5).get("/api/v1/arenas/" + id + "/leaderboard")
                .then().statusCode(200).extract().asString();
        sameBoard(inline(more, 40), stored);
        // exports: the battles as CSV read back into a new arena give the same counts; JSON Lines too
        String exported = given().get("/api/v1/arenas/" + id + "/battles").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        assertEquals(1501, exported.split("\n").length);
        assertEquals("battle_id,model_a,model_b,winner", exported.substring(0, exported.indexOf('\n')));
        String copy = createArena(unique("copy"));
        arenaFile(copy, exported.getBytes(StandardCharsets.UTF_8)).statusCode(200).body("added", equalTo(1500))
                .body("battleIds", equalTo("column battle_id"));
        String counts = given().get("/api/v1/arenas/" + id + "/counts").then().statusCode(200).extract().asString();
        assertEquals(counts, given().get("/api/v1/arenas/" + copy + "/counts").then().statusCode(200).extract().asString());
        String lines = given().queryParam("format", "jsonl").get("/api/v1/arenas/" + id + "/battles").then()
                .statusCode(200).contentType(containsString("application/x-ndjson")).extract().asString();
        assertEquals(1500, lines.split("\n").length);
        assertEquals(1500, tree(lines.substring(0, lines.indexOf('\n'))).get("battle_id").asText().equals("row-1") ? 1500 : -1);
        given().get("/api/v1/arenas/9000000000/battles").then().statusCode(404);
    }

    @Test
    void aBattleIdWithAnotherContentIsAConflictAndNothingIsStored() {
        List<PairwiseTestData.B> battles = PairwiseTestData.synthetic(100, 4);
        String id = createArena(unique("clash"));
        arenaFile(id, csv(battles, true).getBytes(StandardCharsets.UTF_8)).statusCode(200).body("added", equalTo(100))
                .body("battleIds", equalTo("column battle_id"));
        // id-7 again with the models swapped, beside a new battle
        PairwiseTestData.B b7 = battles.get(7);
        String clash = "battle_id,model_a,model_b,winner\nnew-1,m-alpha,m-bravo,tie\nid-7," + b7.b() + "," + b7.a()
                + ",model_a\n";
        arenaFile(id, clash.getBytes(StandardCharsets.UTF_8)).statusCode(409).contentType(PROBLEM)
                .body("detail", containsString("id-7"));
        // the same id twice in one file with different contents
        String twice = "battle_id,model_a,model_b,winner\nz-1,m-alpha,m-bravo,tie\nz-1,m-alpha,m-bravo,model_a\n";
        arenaFile(id, twice.getBytes(StandardCharsets.UTF_8)).statusCode(409).body("detail", containsString("z-1"));
        given().get("/api/v1/arenas/" + id).then().statusCode(200).body("battles", equalTo(100));
    }

    @Test
    void aBadLineLateInABigFileStoresNothing() {
        List<PairwiseTestData.B> battles = PairwiseTestData.synthetic(BattleChunks.CHUNK + 500, 8);
        String id = createArena(unique("late"));
        String text = csv(battles, false) + "m-alpha,m-bravo,nobody\n";
        int badLine = battles.size() + 2;
        arenaFile(id, text.getBytes(StandardCharsets.UTF_8)).statusCode(400)
                .body("field", equalTo("csv line " + badLine + " column winner"));
        given().get("/api/v1/arenas/" + id).then().statusCode(200).body("battles", equalTo(0));
        arenaFile(java.util.UUID.randomUUID().toString(), "model_a,model_b,winner\nx,y,tie\n".getBytes(StandardCharsets.UTF_8)).statusCode(404);
    }

    @Test
    void aFileOfSeveralBlocksResentAddsNothingAndAChangedBattleLateInItStoresNothing() throws IOException {
        // 2.5 chunks: three blocks; re-sent, every id is found in the stored blocks and nothing is added
        List<PairwiseTestData.B> battles = PairwiseTestData.synthetic(2 * BattleChunks.CHUNK + 20_000, 31);
        String id = createArena(unique("blocks"));
        String text = csv(battles, true);
        arenaFile(id, text.getBytes(StandardCharsets.UTF_8)).statusCode(200).body("added", equalTo(battles.size()))
                .body("alreadyKnown", equalTo(0));
        String counts = given().get("/api/v1/arenas/" + id + "/counts").then().statusCode(200).extract().asString();
        arenaFile(id, gzip(text)).statusCode(200).body("received", equalTo(battles.size())).body("added", equalTo(0))
                .body("alreadyKnown", equalTo(battles.size()));
        assertEquals(counts, given().get("/api/v1/arenas/" + id + "/counts").then().statusCode(200).extract().asString());
        // the same file with one battle of the third block changed and new battles before it: 409 naming it, and
        // none of the new battles is stored
        int changed = 2 * BattleChunks.CHUNK + 12_345;
        List<PairwiseTestData.B> copy = new java.util.ArrayList<>(battles);
        PairwiseTestData.B b = battles.get(changed);
        copy.set(changed, new PairwiseTestData.B(b.a(), b.b(), b.outcome().equals("a") ? "b" : "a"));
        String body = csv(copy, true);
        String edited = "battle_id,model_a,model_b,winner\nfresh-1,m-alpha,m-bravo,tie\n" + body.substring(body.indexOf('\n') + 1);
        arenaFile(id, edited.getBytes(StandardCharsets.UTF_8)).statusCode(409).contentType(PROBLEM)
                .body("detail", containsString("id-" + changed));
        given().get("/api/v1/arenas/" + id).then().statusCode(200).body("battles", equalTo(battles.size()));
        assertEquals(counts, given().get("/api/v1/arenas/" + id + "/counts").then().statusCode(200).extract().asString());
        // the export is the file as sent (ids, models and winners in the order they arrived)
        String exported = given().get("/api/v1/arenas/" + id + "/battles").then().statusCode(200).extract().asString();
        String[] sent = text.split("\n");
        String[] out = exported.split("\n");
        assertEquals(sent.length, out.length);
        for (int i = 1; i < sent.length; i += 997) {
            assertEquals(sent[i].replace("tie (bothbad)", "tie"), out[i]);
        }
    }

    @Test
    void theSameIdTwiceInOneFileWithTheSameContentIsStoredOnceAndJsonAppendsSeeFileBattles() {
        String id = createArena(unique("twice"));
        String twice = "battle_id,model_a,model_b,winner\nd-1,m-alpha,m-bravo,tie\nd-2,m-bravo,m-alpha,model_a\n"
                + "d-1,m-alpha,m-bravo,tie\n";
        arenaFile(id, twice.getBytes(StandardCharsets.UTF_8)).statusCode(200).body("received", equalTo(3))
                .body("added", equalTo(2)).body("alreadyKnown", equalTo(1));
        // a JSON batch: d-2 with its content is known, with another content a 409; nothing of a failed batch is stored
        given().contentType(ContentType.JSON).body("{\"battles\":[{\"battleId\":\"d-2\",\"modelA\":\"m-bravo\","
                + "\"modelB\":\"m-alpha\",\"outcome\":\"a\"},{\"battleId\":\"d-3\",\"modelA\":\"m-alpha\","
                + "\"modelB\":\"m-charlie\",\"outcome\":\"b\"}]}").post("/api/v1/arenas/" + id + "/battles").then()
                .statusCode(200).body("added", equalTo(1)).body("alreadyKnown", equalTo(1));
        given().contentType(ContentType.JSON).body("{\"battles\":[{\"battleId\":\"d-4\",\"modelA\":\"m-alpha\","
                + "\"modelB\":\"m-bravo\",\"outcome\":\"a\"},{\"battleId\":\"d-1\",\"modelA\":\"m-alpha\","
                + "\"modelB\":\"m-bravo\",\"outcome\":\"a\"}]}").post("/api/v1/arenas/" + id + "/battles").then()
                .statusCode(409).body("detail", containsString("d-1"));
        given().get("/api/v1/arenas/" + id).then().statusCode(200).body("battles", equalTo(3)).body("models", equalTo(3));
        assertEquals("battle_id,model_a,model_b,winner\nd-1,m-alpha,m-bravo,tie\nd-2,m-bravo,m-alpha,model_a\n"
                + "d-3,m-alpha,m-charlie,model_b\n", given().get("/api/v1/arenas/" + id + "/battles").then().statusCode(200)
                .extract().asString());
    }

    @Test
    void aTruncatedGzipFileIsA400AndStoresNothing() throws IOException {
        String id = createArena(unique("truncated"));
        byte[] whole = gzip(csv(PairwiseTestData.synthetic(BattleChunks.CHUNK + 5_000, 12), false));
        arenaFile(id, java.util.Arrays.copyOf(whole, whole.length - 40)).statusCode(400).contentType(PROBLEM)
                .body("field", equalTo("file")).body("detail", containsString("gzip"));
        given().get("/api/v1/arenas/" + id).then().statusCode(200).body("battles", equalTo(0));
        assertEquals("battle_id,model_a,model_b,winner\n", given().get("/api/v1/arenas/" + id + "/battles").then()
                .statusCode(200).extract().asString());
    }
}
