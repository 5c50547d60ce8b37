package dev.accountflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accountflow.support.PostgresIT;
import dev.accountflow.support.TestUsers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The live API document (/v3/api-docs) passes Redocly's recommended rules with no error (ops/lint/redocly.yaml; the
 * linter is installed from ops/lint's lock file before the integration tests), and equals the committed
 * docs/openapi.json the client is generated from, so that file cannot go stale (README, "The API document").
 */
class ApiDocumentIT extends PostgresIT {

    private static final Path LINT = Path.of("ops/lint").toAbsolutePath();
    private static final Path COMMITTED = Path.of("docs/openapi.json");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    @Autowired
    IdentityService identity;

    @BeforeEach
    void users() {
        TestUsers.ensure(identity);
    }

    @Test
    void theDocumentLintsWithoutError() throws Exception {
        Path document = liveDocument();
        ProcessBuilder lint = new ProcessBuilder(LINT.resolve("node_modules/.bin/redocly").toString(), "lint",
                "--config", LINT.resolve("redocly.yaml").toString(), "--format", "stylish",
                document.toAbsolutePath().toString())
                .directory(LINT.toFile()).redirectErrorStream(true);
        lint.environment().putAll(Map.of("REDOCLY_TELEMETRY", "off", "REDOCLY_SUPPRESS_UPDATE_NOTICE", "true",
                "NO_COLOR", "1"));
        Process run = lint.start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.waitFor(180, TimeUnit.SECONDS)).as("redocly finished").isTrue();
        assertThat(run.exitValue()).as(output).isZero();
        assertThat(output).as(output).doesNotContainPattern("\\berror\\b");
    }

    @Test
    void everyOperationHasASummaryATagAndItsErrorAnswers() throws Exception {
        JsonNode api = JSON.readTree(Files.readString(liveDocument()));
        assertThat(api.at("/info/title").asText()).isEqualTo("AccountFlow API");
        assertThat(api.at("/info/version").asText()).isNotBlank().isNotEqualTo("v0");
        assertThat(api.at("/info/license/name").asText()).isNotBlank();
        assertThat(api.at("/components/securitySchemes/basic/scheme").asText()).isEqualTo("basic");
        api.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String where = op.getKey().toUpperCase() + " " + path.getKey();
            JsonNode operation = op.getValue();
            assertThat(operation.path("summary").asText()).as(where).isNotBlank();
            assertThat(operation.path("tags")).as(where).hasSize(1);
            assertThat(operation.at("/responses/401/content/application~1json/schema/$ref").asText()).as(where)
                    .isEqualTo("#/components/schemas/ApiError");
            assertThat(operation.at("/responses/403")).as(where).isNotEmpty();
            if (path.getKey().contains("{")) {
                assertThat(operation.at("/responses/404")).as(where).isNotEmpty();
            }
        }));
        assertThat(api.at("/paths/~1api~1accounts/post/requestBody/content/application~1json/example"))
                .as("the account request's example").isNotEmpty();
        assertThat(api.at("/paths/~1api~1accounts/post/requestBody/content/application~1json/schema/$ref")
                .asText()).as("the account request's schema").isNotBlank();
    }

    /**
     * The client of ApiClientIT is generated from docs/openapi.json; it must be the live document. To refresh it:
     * {@code ./mvnw -B -ntp -o test-compile failsafe:integration-test@postgres -Dit.test=ApiDocumentIT
     * -Daccountflow.openapi.refresh=true}.
     */
    @Test
    void theCommittedDocumentIsTheLiveOne() throws Exception {
        JsonNode live = sorted(JSON.readTree(Files.readString(liveDocument())));
        if (Boolean.getBoolean("accountflow.openapi.refresh")) {
            Files.writeString(COMMITTED, JSON.writeValueAsString(live) + "\n");
        }
        live = normalised(live);
        JsonNode committed = normalised(sorted(JSON.readTree(Files.readString(COMMITTED))));
        assertThat(JSON.writeValueAsString(committed))
                .as("docs/openapi.json is stale; refresh it with the command in README, 'The API document'")
                .isEqualTo(JSON.writeValueAsString(live));
    }

    /** Keys in order, so that only a change of content tells. */
    private static JsonNode sorted(JsonNode api) throws Exception {
        return JSON.readTree(JSON.writeValueAsString(JSON.treeToValue(api, Object.class)));
    }

    /** Without what depends on the build: the version. */
    private static JsonNode normalised(JsonNode api) {
        JsonNode copy = api.deepCopy();
        ((ObjectNode) copy.get("info")).put("version", "any");
        return copy;
    }

    private Path liveDocument() throws Exception {
        HttpResponse<String> answer = get("/v3/api-docs", TestUsers.IVY);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        Path document = Path.of("target/openapi.json");
        Files.createDirectories(document.getParent());
        Files.writeString(document, answer.body());
        return document;
    }
}
