package dev.accountflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accountflow.support.PostgresIT;
import dev.accountflow.support.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Malformed requests thrown at every POST endpoint, seeded so any failure can be replayed
 * ({@code -Daccountflow.fuzz.seed=...}, {@code -Daccountflow.fuzz.cases=...}): never a 5xx, every refusal in the API's
 * error format, and a refused request never leaves a row behind.
 */
class ApiFuzzIT extends PostgresIT {

    private static final long SEED = Long.getLong("accountflow.fuzz.seed", 20261128L);
    private static final int CASES = Integer.getInteger("accountflow.fuzz.cases", 1200);

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Random random = new Random(SEED);

    @Autowired IdentityService identity;
    @Autowired JdbcTemplate jdbc;

    record Target(String method, String path, Supplier<Map<String, Object>> validBody) {
    }

    record Case(int number, String user, Target target, String path, String method, String contentType, String accept,
                String body) {
        @Override
        public String toString() {
            return "case " + number + ": " + method + " " + path + " as " + user + ", Content-Type " + contentType
                    + ", Accept " + accept + ", body " + ApiErrorHandler.shown(body);
        }
    }

    @Test
    void noMalformedRequestGetsA5xxOrLeavesARowBehind() throws Exception {
        TestUsers.ensure(identity);
        String account = json.readTree(post("/api/accounts", TestUsers.MAX, json.writeValueAsString(Map.of(
                "name", "Fuzzed Fidelity " + UUID.randomUUID(), "vertical", "FINANCIAL_SERVICES",
                "territory", "NORTHEAST", "tier", "ENTERPRISE", "ownerId", TestUsers.IVY))).body()).get("id").asText();
        List<Target> targets = targets(account);

        List<String> failures = new ArrayList<>();
        int refused = 0;
        int cases = 0;
        long started = System.nanoTime();
        for (int n = 0; n < CASES && failures.size() < 10; n++) {
            cases++;
            Case c = nextCase(n, targets);
            Map<String, Long> before = RowCounts.of(jdbc);
            HttpResponse<String> response = send(c);
            int status = response.statusCode();
            if (status >= 500) {
                failures.add(c + " → " + status + " " + ApiErrorHandler.shown(response.body()));
                continue;
            }
            if (status >= 400) {
                refused++;
                String problem = apiFormatProblem(response);
                if (problem != null) {
                    failures.add(c + " → " + status + ": " + problem);
                }
                Map<String, Long> after = RowCounts.of(jdbc);
                if (!after.equals(before)) {
                    failures.add(c + " → " + status + " but rows changed: " + before + " → " + after);
                }
            } else if (c.path().endsWith("/scenarios") && status == 201) {
                // a stray scenario would gate later publishes of the rule set: fuzzed ones do not stay
                jdbc.update("delete from rule_scenario where id = ?", json.readTree(response.body()).get("id").asText());
            }
        }
        System.out.printf("API fuzz: %d cases, seed %d, %d refused, %.1f s%n", cases, SEED, refused,
                (System.nanoTime() - started) / 1e9);
        assertThat(failures).as("seed " + SEED).isEmpty();
        assertThat(refused).as("most fuzzed requests are refused").isGreaterThan(CASES / 2);
    }

    private List<Target> targets(String account) {
        String accounts = "/api/accounts/" + account;
        return List.of(
                new Target("POST", "/api/accounts", () -> ordered("name", "Fuzz Account " + UUID.randomUUID(),
                        "vertical", "INSURANCE", "territory", "NORTHEAST", "tier", "GROWTH", "ownerId", TestUsers.IVY)),
                new Target("POST", accounts + "/contacts", () -> ordered("name", "Kim Fuzz", "email",
                        "kim@fuzz.example", "role", "CHAMPION", "lastEngagedAt", "2026-10-01T10:00:00Z")),
                // end dates years ahead, so no fuzzed subscription is ever due for a renewal kick-off
                new Target("POST", accounts + "/subscriptions", () -> ordered("product", "Claims Analytics",
                        "arr", 125000.5, "startDate", "2030-01-01", "endDate", "2032-01-01")),
                new Target("POST", accounts + "/health-signals", () -> ordered("recordedAt", "2026-11-01T10:00:00Z",
                        "activeUsersChangePct", -12.5, "openEscalations", 1, "csat", 3.9)),
                new Target("POST", "/api/renewals/kickoff", () -> ordered()),
                new Target("POST", "/api/rule-sets/{set}/validate", () -> ordered("drl", "package rules;\n")),
                // base version 1 is never the latest, so a fuzzed draft that parses is refused before compiling
                new Target("POST", "/api/rule-sets/{set}/versions", () -> ordered("drl", "package rules;\n",
                        "comment", "fuzz", "baseVersion", 1)),
                new Target("POST", "/api/rule-sets/{set}/versions/{v}/test", () -> ordered()),
                new Target("POST", "/api/rule-sets/{set}/versions/{v}/simulate", () -> ordered()),
                new Target("POST", "/api/rule-sets/{set}/versions/{v}/publish", () -> ordered()),
                new Target("POST", "/api/rule-sets/{set}/versions/{v}/restore", () -> ordered()),
                new Target("POST", "/api/rule-sets/{set}/scenarios", () -> ordered("name", "Fuzz " + UUID.randomUUID(),
                        "facts", ordered("accountName", "Fuzz", "tier", "ENTERPRISE", "daysToRenewal", 300,
                                "hasExecutiveSponsor", true, "csat", 4.8),
                        "expected", ordered("atRisk", false))));
    }

    private Case nextCase(int number, List<Target> targets) throws Exception {
        Target target = targets.get(random.nextInt(targets.size()));
        String path = target.path()
                .replace("{set}", pick("health", "health", "health", "stage-gates", "no-such-set", "HEALTH", "%20",
                        "h".repeat(300)))
                // versions that do not exist: fuzzing never publishes or restores real rules
                .replace("{v}", pick("99999", "0", "-1", "2147483647", "2147483648", "abc", "1.5", "%00", "1e3"));
        String user = pick(TestUsers.MAX, TestUsers.MAX, TestUsers.MAX, TestUsers.IVY, TestUsers.IVY, TestUsers.NED,
                TestUsers.PRODUCT_MANAGER, TestUsers.SUPPORT, TestUsers.ADMIN, null);
        String method = random.nextInt(25) == 0 ? pick("PUT", "PATCH", "DELETE", "GET") : target.method();
        String contentType = random.nextInt(8) == 0 ? pick(null, "text/plain", "application/xml",
                "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=ISO-8859-1",
                "application/json;;", "garbage") : "application/json";
        String accept = random.nextInt(6) == 0 ? pick("text/plain", "text/html", "image/png", "application/xml",
                "application/json;q=0", "garbage/", "*/*", "application/*") : random.nextBoolean() ? null : "application/json";
        return new Case(number, user, target, path, method, contentType, accept, body(target));
    }

    private String body(Target target) throws Exception {
        Map<String, Object> body = target.validBody().get();
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            List<String> fields = new ArrayList<>(body.keySet());
            String field = fields.isEmpty() || random.nextInt(8) == 0 ? pick("color", "id", "__proto__", "")
                    : fields.get(random.nextInt(fields.size()));
            if (body.get(field) instanceof Map<?, ?> nested && !nested.isEmpty() && random.nextBoolean()) {
                // one level down too: the facts and expectations of a scenario are maps of their own
                Map<String, Object> inner = new LinkedHashMap<>();
                nested.forEach((k, v) -> inner.put(String.valueOf(k), v));
                List<String> innerFields = new ArrayList<>(inner.keySet());
                inner.put(innerFields.get(random.nextInt(innerFields.size())), oddValue());
                body.put(field, inner);
            } else if (random.nextInt(6) == 0) {
                body.remove(field);
            } else {
                body.put(field, oddValue());
            }
        }
        String text = json.writeValueAsString(body);
        return switch (random.nextInt(14)) {
            case 0 -> text.replaceFirst("\\{", "{\"" + (body.isEmpty() ? "name" : body.keySet().iterator().next())
                    + "\":\"twice\",");
            case 1 -> text + pick("}", "x", "{}", "[]", " {\"more\":1}", "\u0000", ",");
            case 2 -> text.substring(0, random.nextInt(Math.max(1, text.length())));
            case 3 -> pick("", "null", "[]", "\"text\"", "42", "{", "}", "[".repeat(5000) + "]".repeat(5000),
                    "{\"a\":".repeat(3000) + "1" + "}".repeat(3000), "\uFEFF" + text, "<xml/>", "name=x&tier=GROWTH");
            case 4 -> text.replace("\"", "'");
            default -> text;
        };
    }

    private Object oddValue() {
        return switch (random.nextInt(12)) {
            case 0 -> null;
            case 1 -> pick("", "   ", "\u200b", "\u00a0\u2060", "\u0000", "\u001b[31mred\u001b[0m", "a\u0085b", "\ud800",
                    "x\ny", "<script>alert(1)</script>", "' or 1=1 --", "%s%n", "../../etc/passwd");
            case 2 -> pick("x".repeat(pick(201, 321, 1001, 4001, 8001, 200_001)),
                    // rule text that once overflowed the compiler's stack
                    "rule \"deep\" when eval(" + "(".repeat(5000) + "true" + ")".repeat(5000) + ") then end");
            case 3 -> new java.math.BigDecimal(pick("1e-1000000000", "1e1000000000", "-1e1000000000", "0.001",
                    "123456789012345678901234567890", "-0.0", "1e13", "3.95"));
            case 4 -> pick(0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 10001);
            case 5 -> pick(Long.MAX_VALUE, Long.MIN_VALUE, Double.MAX_VALUE, Double.MIN_VALUE);
            case 6 -> pick("NaN", "Infinity", "-Infinity", "1,000", "$702,400.00", "12e", "0x1F");
            case 7 -> pick(true, false);
            case 8 -> pick(List.of(), List.of(1, 2), List.of("GROWTH"));
            case 9 -> pick(Map.of(), Map.of("nested", Map.of("deeper", "yes")));
            case 10 -> pick("+1000000000-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z", "2026-02-30", "2026-13-01",
                    "1899-12-31", "2201-01-01", "0000-01-01", "2026-11-01T25:00:00Z", "2026-11-01", "yesterday",
                    "1899-12-31T23:59:59Z", "2200-12-31T23:59:59Z", "1900-01-01");
            default -> pick("growth", " GROWTH", "GROWTH ", "0", "CHAMPION\u0000", "champion", "EXECUTIVE SPONSOR",
                    "HEALTHCARE", "OTHER");
        };
    }

    private HttpResponse<String> send(Case c) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + c.path()))
                .timeout(Duration.ofSeconds(30))
                .method(c.method(), c.method().equals("GET") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(c.body(), StandardCharsets.UTF_8));
        if (c.contentType() != null) {
            request.header("Content-Type", c.contentType());
        }
        if (c.accept() != null) {
            request.header("Accept", c.accept());
        }
        if (c.user() != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((c.user() + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(c.toString(), e);
        }
    }

    private String apiFormatProblem(HttpResponse<String> response) {
        if (!response.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
            return "not JSON: " + response.headers().firstValue("Content-Type").orElse("no Content-Type") + " "
                    + ApiErrorHandler.shown(response.body());
        }
        try {
            JsonNode error = json.readTree(response.body());
            if (error == null || !error.path("error").isTextual() || error.path("error").asText().isBlank()
                    || !error.path("details").isArray()) {
                return "not {error, details}: " + ApiErrorHandler.shown(response.body());
            }
            if (response.body().contains("Exception") || response.body().contains("\tat ")) {
                return "shows a stack trace or exception: " + ApiErrorHandler.shown(response.body());
            }
            return null;
        } catch (Exception e) {
            return "unreadable JSON: " + ApiErrorHandler.shown(response.body());
        }
    }

    @SafeVarargs
    private <T> T pick(T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
