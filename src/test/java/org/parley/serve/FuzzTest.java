package org.parley.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.Mutations;
import org.parley.load.KnowledgeBaseLoader;
import org.parley.load.LoadedKnowledgeBase;
import org.parley.query.QueryLibrary;

/**
 * Seeded, bounded fuzzing of the real server on the real knowledge base over loopback: mutated
 * library queries, random bytes as query bodies, and mutated HTTP (random {@code Accept} and
 * {@code Content-Type}, garbage {@code timeout=}, {@code format=}, duplicated parameters, garbage
 * percent-encoding), sent over a bare socket so that nothing is cleaned up on the way.
 *
 * <p>Every case must get an HTTP response (the socket's read timeout is a hang guard, not a
 * speed), never a 500 or any 5xx but the query timeout's 503, never a body that shows a stack
 * trace or a Java class name, and always a complete document of its declared type. The server
 * must answer afterwards. Mutated Turtle is fuzzed by {@code org.parley.load.TurtleFuzzTest}.
 */
class FuzzTest {

    private static final long SEED = 9_2026_11_25L;
    private static final int MUTATED_QUERIES = 150;
    private static final int RANDOM_BODIES = 50;
    private static final int MUTATED_REQUESTS = 150;
    private static final int HANG_GUARD_MILLIS = 120_000;

    private static final List<String> SPARQL_TOKENS = List.of("{", "}", "(", ")", "<", ">", "\"", "'", "\"\"\"", ".",
            ";", ",", "?", "$", "#", "\\", "\\u0000", "\\U0010FFFF", "^^", "@en", "_:b", "[]", "SELECT", "WHERE",
            "OPTIONAL {", "FILTER(", "UNION", "GRAPH ?g {", "SERVICE <http://127.0.0.1:9/sparql> {", "VALUES ?x { 1 }",
            "BIND(1/0 AS ?z)", "LIMIT -1", "OFFSET 99999999999999999999", "ORDER BY", "GROUP BY ?x", "COUNT(*)",
            "<urn:parley-test:sleep>(1)", "REGEX(?x, \"(a+)+$\")", "PREFIX : <", "BASE <", "/", "|", "*", "+",
            "\u0000", "\uFEFF", "\uD800", "é", "𝄞");

    private static final List<String> ACCEPTS = List.of("application/sparql-results+json", "application/sparql-results+xml",
            "text/csv", "text/tab-separated-values", "application/json", "text/turtle", "application/rdf+xml",
            "application/ld+json", "application/n-triples", "text/n3", "text/plain", "text/html", "*/*", "",
            "application/*", "text/*;q=0.1, */*;q=0.2", "application/sparql-results+json;q=2", "*/*;q=abc",
            ";;;,,,", "text/", "application/x-garbage", "application/sparql-results+json; charset=ebcdic",
            "\u00e9/\u00e9", "x".repeat(4000), "application/trig", "application/n-quads", "application/rdf+thrift",
            "application/vnd.apache.jena.rdfpatch", "application/sparql-query");

    private static final List<String> CONTENT_TYPES = List.of("application/sparql-query",
            "application/sparql-query; charset=utf-8", "application/sparql-query; charset=ebcdic",
            "application/sparql-query; charset=", "application/sparql-query; charset=utf-16",
            "application/x-www-form-urlencoded", "application/x-www-form-urlencoded; charset=nope",
            "application/x-www-form-urlencoded; charset=iso-8859-1", "multipart/form-data; boundary=",
            "multipart/form-data; boundary=xyz", "application/sparql-update", "text/plain", "", ";", "*/*",
            "application/json", "text/turtle", "application/octet-stream");

    private static final List<String> TIMEOUTS = List.of("1", "0", "-1", "abc", "NaN", "Infinity", "-Infinity", "1e309",
            "0.000001", "99999999999999999999", "", "1,5", "0x10", "%00", "%zz");

    private static final List<String> FORMATS = List.of("json", "xml", "csv", "tsv", "text", "n3", "rdf", "rdf+xml",
            "ttl", "turtle", "jsonld", "nt", "thrift", "garbage", "", "%00", "%zz", "application/sparql-results+json",
            "text/n3;q=0.1", "json&format=xml");

    private static final List<String> PATHS = List.of("/parley/sparql", "/parley/query", "/parley/sparql/",
            "/parley/query/", "/parley", "/parley/", "/parley/get", "/parley/update", "/parley/data", "/parley/sparql%2F",
            "/parley/%73parql", "/parley//sparql", "/parley/sparql;jsessionid=x", "/parley/../parley/sparql");

    private static final List<String> PERCENT_GARBAGE = List.of("%", "%z", "%zz", "%G0", "%E0%80", "%C0%AF", "%00",
            "%FF%FE", "%ED%A0%80", "%F4%90%80%80", "%%", "%2", "+%2B+", "%0D%0A");

    private static LoadedKnowledgeBase kb;
    private static ParleyServer server;
    private static List<QueryLibrary.Entry> library;

    @BeforeAll
    static void startServer() throws Exception {
        TestFunctions.register();
        kb = KnowledgeBaseLoader.load(Path.of(""));
        library = QueryLibrary.entries(Path.of("queries"));
        // A short timeout: a mutation may well make a query slow (a cartesian product), and
        // timing out is then a right answer.
        server = ParleyServer.start(kb.dataset(), ServeOptions.builder().host("127.0.0.1").port(0)
                .timeout(Duration.ofSeconds(2)).queriesDir(Path.of("queries")).build());
    }

    @AfterAll
    static void stopServer() {
        TestServers.stop(server, kb);
    }

    /** One fuzz case: a label to find it again, and the request's bytes. */
    record Case(String label, byte[] request) {
    }

    @Test
    void mutatedLibraryQueries() {
        fuzz("mutated query", MUTATED_QUERIES, random -> {
            QueryLibrary.Entry entry = library.get(random.nextInt(library.size()));
            byte[] query = Mutations.mutate(entry.text(), random, SPARQL_TOKENS);
            String accept = ACCEPTS.get(random.nextInt(ACCEPTS.size()));
            List<String[]> headers = new ArrayList<>();
            headers.add(new String[] {"Accept", accept});
            String label = entry.name() + " mutated, Accept " + ResponseDocuments.excerpt(accept);
            return switch (random.nextInt(3)) {
                case 0 -> new Case(label + ", GET", RawHttp.request("GET", "/parley/sparql?query=" + percentEncode(query),
                        headers, null));
                case 1 -> {
                    headers.add(new String[] {"Content-Type", "application/x-www-form-urlencoded"});
                    yield new Case(label + ", form", RawHttp.request("POST", "/parley/sparql", headers,
                            ("query=" + percentEncode(query)).getBytes(StandardCharsets.US_ASCII)));
                }
                default -> {
                    headers.add(new String[] {"Content-Type", "application/sparql-query"});
                    yield new Case(label + ", body", RawHttp.request("POST", "/parley/sparql", headers, query));
                }
            };
        });
    }

    @Test
    void randomBytesAsBodies() {
        fuzz("random bytes", RANDOM_BODIES, random -> {
            byte[] body = Mutations.randomBytes(random, 4096);
            String path = random.nextInt(4) == 0 ? "/parley/update" : "/parley/sparql";
            String type = random.nextBoolean() ? "application/sparql-query" : CONTENT_TYPES.get(random.nextInt(CONTENT_TYPES.size()));
            List<String[]> headers = new ArrayList<>();
            headers.add(new String[] {"Content-Type", type});
            return new Case(body.length + " random bytes to " + path + " as " + type,
                    RawHttp.request("POST", path, headers, body));
        });
    }

    @Test
    void mutatedParametersAndHeaders() {
        fuzz("mutated HTTP", MUTATED_REQUESTS, random -> {
            String query = random.nextInt(4) == 0 ? "ASK {}" : library.get(random.nextInt(library.size())).text();
            List<String> params = new ArrayList<>();
            params.add("query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
            int extra = random.nextInt(5);
            for (int i = 0; i < extra; i++) {
                params.add(switch (random.nextInt(9)) {
                    case 0 -> "timeout=" + TIMEOUTS.get(random.nextInt(TIMEOUTS.size()));
                    case 1 -> "format=" + FORMATS.get(random.nextInt(FORMATS.size()));
                    case 2 -> "output=" + FORMATS.get(random.nextInt(FORMATS.size()));
                    case 3 -> params.get(random.nextInt(params.size()));   // a parameter twice
                    case 4 -> "query=" + URLEncoder.encode("SELECT * { ?s ?p ?o } LIMIT 1", StandardCharsets.UTF_8);
                    case 5 -> "default-graph-uri=" + PERCENT_GARBAGE.get(random.nextInt(PERCENT_GARBAGE.size()));
                    case 6 -> "named-graph-uri=" + URLEncoder.encode("https://w3id.org/parley/graph/actors", StandardCharsets.UTF_8);
                    case 7 -> PERCENT_GARBAGE.get(random.nextInt(PERCENT_GARBAGE.size())) + "="
                            + PERCENT_GARBAGE.get(random.nextInt(PERCENT_GARBAGE.size()));
                    default -> "query=" + URLEncoder.encode(query, StandardCharsets.UTF_8).replaceFirst("%[0-9A-F]{2}",
                            PERCENT_GARBAGE.get(random.nextInt(PERCENT_GARBAGE.size())));
                });
            }
            java.util.Collections.shuffle(params, random);
            String queryString = String.join("&", params);
            String path = PATHS.get(random.nextInt(PATHS.size()));
            List<String[]> headers = new ArrayList<>();
            if (random.nextInt(4) > 0) {
                headers.add(new String[] {"Accept", ACCEPTS.get(random.nextInt(ACCEPTS.size()))});
            }
            if (random.nextInt(5) == 0) {
                headers.add(new String[] {"Accept", ACCEPTS.get(random.nextInt(ACCEPTS.size()))});   // twice
            }
            if (random.nextInt(6) == 0) {
                headers.add(new String[] {"Accept-Charset", random.nextBoolean() ? "ebcdic" : "*;q=x"});
            }
            String label;
            byte[] request;
            if (random.nextBoolean()) {
                label = "GET " + path + "?" + ResponseDocuments.excerpt(queryString);
                request = RawHttp.request("GET", path + "?" + queryString, headers, null);
            } else {
                String type = CONTENT_TYPES.get(random.nextInt(CONTENT_TYPES.size()));
                headers.add(new String[] {"Content-Type", type});
                byte[] body = (type.startsWith("application/sparql") ? query : queryString).getBytes(StandardCharsets.UTF_8);
                label = "POST " + path + " as " + type + ": " + ResponseDocuments.excerpt(new String(body, StandardCharsets.UTF_8));
                request = RawHttp.request("POST", path + (random.nextBoolean() ? "" : "?" + queryString), headers, body);
            }
            for (String[] header : headers) {
                label += " [" + header[0] + ": " + ResponseDocuments.excerpt(header[1]) + "]";
            }
            return new Case(label, request);
        });
    }

    /**
     * Runs {@code count} cases made by {@code generator} from one seeded random source, checks
     * every response, prints the statuses, and checks that the server still answers.
     */
    private static void fuzz(String family, int count, Function<Random, Case> generator) {
        Random random = new Random(SEED + family.hashCode());
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Case c = generator.apply(random);
            String problem;
            try {
                RawHttp.Response response = RawHttp.exchange(server.port(), c.request(), HANG_GUARD_MILLIS);
                statuses.merge(response.status(), 1, Integer::sum);
                problem = check(response);
            } catch (IOException e) {
                problem = "no response: " + e;
            }
            if (problem != null) {
                failures.add("#" + i + " " + c.label() + "\n    -> " + problem);
            }
        }
        System.out.println("fuzz, " + family + ": " + count + " cases (seed " + SEED + "), statuses " + statuses
                + ", problems " + failures.size());
        assertTrue(failures.isEmpty(), failures.size() + " of " + count + " " + family + " cases went wrong:\n"
                + String.join("\n", failures.subList(0, Math.min(15, failures.size()))));
        RawHttp.Response after;
        try {
            after = RawHttp.exchange(server.port(), RawHttp.request("GET", "/parley/sparql?query=ASK%7B%7D",
                    List.<String[]>of(new String[] {"Accept", "application/sparql-results+json"}), null), HANG_GUARD_MILLIS);
        } catch (IOException e) {
            throw new AssertionError("the server no longer answers", e);
        }
        assertEquals(200, after.status(), "the server answers after the fuzzing: " + after.text());
    }

    /** What is wrong with a fuzz response, or null. */
    static String check(RawHttp.Response response) {
        String body = response.text();
        if (response.status() < 100) {
            return "not an HTTP response: " + ResponseDocuments.excerpt(response.statusLine());
        }
        if (response.status() >= 500 && !(response.status() == 503 && body.strip().equals("Query timed out"))) {
            return "HTTP " + response.status() + ": " + ResponseDocuments.excerpt(body);
        }
        String internals = ResponseDocuments.internals(body);
        if (internals != null) {
            return "HTTP " + response.status() + ", the body shows the server's insides: " + internals;
        }
        try {
            ResponseDocuments.parse(response.contentType(), response.body());
        } catch (AssertionError e) {
            return "HTTP " + response.status() + ", " + e.getMessage();
        }
        String type = response.contentType() == null ? "" : response.contentType();
        if (response.status() >= 400 && type.startsWith("text/plain") && body.length() > ResponseDocuments.MAX_ERROR_CHARS) {
            return "HTTP " + response.status() + ", a plain-text error of " + body.length() + " characters: "
                    + ResponseDocuments.excerpt(body);
        }
        return null;
    }

    /**
     * Form posts around the limits: the container has its own cap on form bodies (Jetty's
     * maxFormContentSize), below Parley's body limit; whichever refuses, it must be a clean 4xx.
     */
    @Test
    void formBodiesAroundTheLimits() {
        int[] sizes = {100 * 1024, 150 * 1024, 199_000, 201_000, 250 * 1024, 3 * ServeOptions.DEFAULT_MAX_QUERY_BYTES + 1000,
            3 * ServeOptions.DEFAULT_MAX_QUERY_BYTES + 2000};
        List<Integer> index = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            index.add(i);
        }
        fuzz("form size", sizes.length * 2, r -> {
            int size = sizes[index.get(0) % sizes.length];
            index.set(0, index.get(0) + 1);
            boolean comment = r.nextBoolean();
            String padding = comment ? "%23" + "x".repeat(size) + "%0A" : "+".repeat(size);
            byte[] body = ("query=" + padding + "ASK+%7B%7D").getBytes(StandardCharsets.US_ASCII);
            String path = r.nextBoolean() ? "/parley/sparql" : "/parley/update";
            return new Case("form of " + body.length + " bytes to " + path, RawHttp.request("POST", path,
                    List.<String[]>of(new String[] {"Content-Type", "application/x-www-form-urlencoded"}), body));
        });
    }

    /** What the fuzzing found, each kept as it was found. */
    @Test
    void regressionUnknownCharsetIsRefusedWith415NotA500() throws IOException {
        for (String[] found : List.of(
                new String[] {"application/x-www-form-urlencoded; charset=nope", "query=ASK+%7B%7D"},
                new String[] {"application/sparql-query; charset=ebcdic", "ASK {}"},
                new String[] {"application/sparql-query; charset=\"no such charset\"", "ASK {}"},
                new String[] {"application/x-www-form-urlencoded; charset=??", "update=CLEAR+ALL"})) {
            for (String path : List.of("/parley/sparql", "/parley/query", "/parley/update", "/parley", "/$/validate/query")) {
                RawHttp.Response r = RawHttp.exchange(server.port(), RawHttp.request("POST", path,
                        List.<String[]>of(new String[] {"Content-Type", found[0]}),
                        found[1].getBytes(StandardCharsets.US_ASCII)), HANG_GUARD_MILLIS);
                String where = path + " " + found[0];
                assertEquals(415, r.status(), where + ": " + r.text());
                assertTrue(r.contentType().startsWith("text/plain"), where + ": " + r.contentType());
                assertTrue(r.text().startsWith("Unsupported charset") && r.text().contains("UTF-8"), r.text());
                assertEquals(null, check(r), where);
            }
        }
        // A charset Java knows is read as before.
        RawHttp.Response latin1 = RawHttp.exchange(server.port(), RawHttp.request("POST", "/parley/sparql",
                List.<String[]>of(new String[] {"Content-Type", "application/x-www-form-urlencoded; charset=iso-8859-1"},
                        new String[] {"Accept", "application/sparql-results+json"}),
                "query=ASK+%7B%7D".getBytes(StandardCharsets.US_ASCII)), HANG_GUARD_MILLIS);
        assertEquals(200, latin1.status(), latin1.text());
    }

    /**
     * Many triple patterns in one group, around the parser's stack depth: the guard's parse
     * could pass and Fuseki's own, a few frames deeper, overflow; the answer was then HTTP 400
     * with the body "StackOverflowError" (seen now and then with 5,000 patterns). Whichever parse
     * overflows, the client reads the same plain message.
     */
    @Test
    void regressionManyPatternsNeverAnswerStackOverflowError() throws IOException {
        List<String> queries = new ArrayList<>();
        for (int patterns = 3000; patterns <= 7000; patterns += 1000) {
            StringBuilder query = new StringBuilder("SELECT * {");
            for (int i = 0; i < patterns; i++) {
                query.append(" ?s <p:p> ?o").append(i).append(" .");
            }
            queries.add(query.append(" } LIMIT 1").toString());
        }
        // Overflows any thread's stack, JIT or not: always the refusal.
        String nested = "SELECT * " + "{".repeat(40_000) + "}".repeat(40_000);
        queries.add(nested);
        for (String query : queries) {
            RawHttp.Response r = RawHttp.exchange(server.port(), RawHttp.request("POST", "/parley/sparql",
                    List.<String[]>of(new String[] {"Content-Type", "application/sparql-query"},
                            new String[] {"Accept", "text/csv"}),
                    query.getBytes(StandardCharsets.UTF_8)), HANG_GUARD_MILLIS);
            String where = query.length() + " characters: HTTP " + r.status() + " " + ResponseDocuments.excerpt(r.text());
            // The patterns are valid SPARQL: answered (or timed out) if they fit the stack, else refused.
            List<Integer> allowed = query.equals(nested) ? List.of(400) : List.of(200, 400, 503);
            assertTrue(allowed.contains(r.status()), where);
            if (r.status() == 400) {
                assertTrue(r.text().startsWith("The query is too deeply nested"), where);
            }
            assertEquals(null, check(r), where);
        }
    }

    @Test
    void fusekiErrorsThatAreOnlyAClassNameAreSaidPlainly() {
        var overflow = ParleyQueryAction.withoutInternals(
                new org.apache.jena.fuseki.servlets.ActionErrorException(400, "StackOverflowError", null));
        assertEquals(400, overflow.getRC());
        assertTrue(overflow.getMessage().startsWith("The query is too deeply nested"), overflow.getMessage());
        var bare = ParleyQueryAction.withoutInternals(
                new org.apache.jena.fuseki.servlets.ActionErrorException(400, "QueryExecException", null));
        assertEquals(null, ResponseDocuments.internals(bare.getMessage()), bare.getMessage());
        var plain = new org.apache.jena.fuseki.servlets.ActionErrorException(400, "Lexical error at line 1", null);
        assertTrue(ParleyQueryAction.withoutInternals(plain) == plain, "a plain message is kept");
    }

    /** Parsed, but not buildable: Jena's QueryBuildException was answered HTTP 500. */
    @Test
    void regressionQueryThatParsesButCannotBeBuiltIs400NotA500() throws IOException {
        for (String query : List.of("SELECT ?x (1 AS ?x) { }", "SELECT ?s (COUNT(?o) AS ?s) { ?s ?p ?o } GROUP BY ?s")) {
            for (String method : List.of("GET", "POST")) {
                byte[] request = method.equals("GET")
                        ? RawHttp.request("GET", "/parley/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8),
                                List.of(), null)
                        : RawHttp.request("POST", "/parley/sparql",
                                List.<String[]>of(new String[] {"Content-Type", "application/sparql-query"}),
                                query.getBytes(StandardCharsets.UTF_8));
                RawHttp.Response r = RawHttp.exchange(server.port(), request, HANG_GUARD_MILLIS);
                assertEquals(400, r.status(), method + " " + query + ": " + r.text());
                assertTrue(r.text().startsWith("The query is not valid SPARQL"), r.text());
                assertEquals(null, check(r), query);
            }
        }
    }

    /** Any bytes percent-encoded for a URL, letters and digits left as they are. */
    private static String percentEncode(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')) {
                out.append((char) b);
                continue;
            }
            out.append('%').append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return out.toString();
    }
}
