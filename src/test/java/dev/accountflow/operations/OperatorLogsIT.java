package dev.accountflow.operations;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accountflow.support.PostgresIT;
import dev.accountflow.support.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Logs an operator can follow: every request gets a correlation id (the caller's when sane, echoed in
 * X-Correlation-Id), a business event is one line with its process instance, business key and user, and on the
 * postgres profile lines are JSON carrying the request's correlation id.
 */
@ExtendWith(OutputCaptureExtension.class)
class OperatorLogsIT extends PostgresIT {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Autowired
    IdentityService identity;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final ListAppender<ILoggingEvent> events = new ListAppender<>();

    @BeforeEach
    void setUp() {
        TestUsers.ensure(identity);
        events.start();
        ((Logger) LoggerFactory.getLogger(BusinessEvents.LOGGER)).addAppender(events);
    }

    @AfterEach
    void tearDown() {
        ((Logger) LoggerFactory.getLogger(BusinessEvents.LOGGER)).detachAppender(events);
    }

    @Test
    void aSaneCorrelationIdIsEchoedAndAnythingElseIsReplaced() throws Exception {
        assertThat(call("GET", "/api/accounts", TestUsers.IVY, "Order-4711_retry-2", null)
                .headers().firstValue("X-Correlation-Id")).hasValue("Order-4711_retry-2");
        assertThat(call("GET", "/api/accounts", null, "anonymous-caller", null).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/api/accounts", null, "anonymous-caller", null)
                .headers().firstValue("X-Correlation-Id")).as("refused requests too").hasValue("anonymous-caller");

        for (String bad : List.of("a".repeat(65), "two words", "id\";drop", "ünïcode", "x%0d%0aforged: line")) {
            String answered = call("GET", "/api/accounts", TestUsers.IVY, bad, null).headers()
                    .firstValue("X-Correlation-Id").orElseThrow();
            assertThat(answered).as(bad).matches(UUID_PATTERN);
        }
        String first = call("GET", "/api/accounts", TestUsers.IVY, null, null).headers()
                .firstValue("X-Correlation-Id").orElseThrow();
        String second = call("GET", "/api/accounts", TestUsers.IVY, null, null).headers()
                .firstValue("X-Correlation-Id").orElseThrow();
        assertThat(first).matches(UUID_PATTERN).isNotEqualTo(second);
    }

    @Test
    void aBusinessEventIsOneJsonLineWithItsFieldsAndTheRequestsCorrelationId(CapturedOutput output)
            throws Exception {
        String account = created(call("POST", "/api/accounts", TestUsers.MAX, null, "{\"name\":\"Log Health "
                + UUID.randomUUID().toString().substring(0, 8) + "\",\"vertical\":\"HEALTHCARE\",\"territory\":"
                + "\"NORTHEAST\",\"tier\":\"ENTERPRISE\",\"ownerId\":\"" + TestUsers.IVY + "\"}"));
        String sponsor = created(call("POST", "/api/accounts/" + account + "/contacts", TestUsers.IVY, null,
                "{\"name\":\"Dana Cole\",\"role\":\"EXECUTIVE_SPONSOR\"}"));
        String correlationId = "sponsor-left-" + UUID.randomUUID().toString().substring(0, 8);

        HttpResponse<String> left = call("POST", "/api/accounts/" + account + "/contacts/" + sponsor + "/departure",
                TestUsers.IVY, correlationId, "{\"leftAt\":\"" + Instant.now().minus(1, ChronoUnit.DAYS)
                        .truncatedTo(ChronoUnit.SECONDS) + "\"}");
        assertThat(left.statusCode()).as(left.body()).isEqualTo(200);

        ILoggingEvent raised = events.list.stream()
                .filter(e -> account.equals(pairs(e).get("businessKey")) && "risk flag raised".equals(pairs(e).get("event"))
                        && "SPONSOR_LEFT".equals(pairs(e).get("code")))
                .findFirst().orElseThrow(() -> new AssertionError("no 'risk flag raised' line in " + events.list));
        assertThat(pairs(raised)).containsEntry("user", TestUsers.IVY).containsEntry("severity", "HIGH")
                .containsKey("decisionId");
        // a flag belongs to no process instance: the field is there, empty
        assertThat(raised.getKeyValuePairs()).extracting(p -> p.key).contains("processInstanceId");
        assertThat(raised.getLevel().toString()).isEqualTo("INFO");
        assertThat(raised.getMDCPropertyMap()).containsEntry("correlationId", correlationId);
        assertThat(raised.getFormattedMessage()).startsWith("risk flag raised: process instance -, business key "
                + account + ", user " + TestUsers.IVY).contains("code=SPONSOR_LEFT");

        JsonNode line = output.getOut().lines().filter(l -> l.startsWith("{") && l.contains(correlationId)
                        && l.contains("risk flag raised")).map(this::parse).findFirst()
                .orElseThrow(() -> new AssertionError("no JSON line of the event"));
        assertThat(line.path("correlationId").asText()).isEqualTo(correlationId);
        assertThat(line.path("event").asText()).isEqualTo("risk flag raised");
        assertThat(line.path("businessKey").asText()).isEqualTo(account);
        assertThat(line.path("user").asText()).isEqualTo(TestUsers.IVY);
        assertThat(line.at("/log/level").asText()).isEqualTo("INFO");
        assertThat(line.at("/log/logger").asText()).isEqualTo("accountflow.events");
    }

    private static Map<String, Object> pairs(ILoggingEvent event) {
        return event.getKeyValuePairs() == null ? Map.of() : event.getKeyValuePairs().stream()
                .filter(p -> p.value != null).collect(Collectors.toMap(p -> p.key, p -> String.valueOf(p.value),
                        (a, b) -> a));
    }

    private JsonNode parse(String line) {
        try {
            return json.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }

    private String created(HttpResponse<String> answer) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return json.readTree(answer.body()).get("id").asText();
    }

    private HttpResponse<String> call(String method, String path, String user, String correlationId, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        if (correlationId != null) {
            request.header("X-Correlation-Id", correlationId);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
