package dev.accountflow.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API document at /v3/api-docs (Swagger UI at /swagger-ui.html): title, the build's version, the license, HTTP
 * Basic for every operation, the team's tags, and the error answers every operation may give, all in the
 * {"error", "details"} shape of {@link ApiError}. The error answers are added here for every operation, so a new
 * endpoint has them without writing them; its summary and tag are written on the controller (see README, "The API
 * document").
 */
@Configuration
class ApiDocumentation {

    static final String BASIC = "basic";
    static final String ERROR_SCHEMA = "ApiError";

    /** The tags of the API, in the team's words, in the order the document lists them. */
    static final Map<String, String> TAGS = tags(
            "Accounts", "The book: accounts, their contacts, subscriptions, health signals and touch points",
            "Risk flags", "What the rules found wrong with an account, open and resolved",
            "Health sweep", "The portfolio health sweep over the whole book, and how a run went",
            "Renewals", "The renewal kick-off: starts a renewal for every subscription ending within the window",
            "Opportunities", "Expansion and new-business deals, their close dates and help from colleagues",
            "Forecast", "The quarter's forecast by rep and the quotas sales managers set",
            "Feature requests", "Customers' feature requests, their duplicates and what shipped",
            "Rules", "Rule sets sales managers own: versions, tables, tests, simulations and publishing",
            "Decisions", "The decision log: which rule decided what, for which account, with which facts",
            "Products", "The product catalog the expansion signals read",
            "Expansion signals", "Suggestions of the next deal in an account: accept into an opportunity or dismiss",
            "Escalations", "Customer escalations to support, services, billing, legal and product, with their SLA",
            "Import/Export", "Salesforce Data Loader CSV files in and out",
            "Notifications", "The outbox: mail AccountFlow sent or is about to send");

    @Bean
    OpenAPI accountFlowApi(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        String version = properties != null ? properties.getVersion() : "development";
        return new OpenAPI()
                .info(new Info().title("AccountFlow API").version(version)
                        .description("""
                                Sales process automation for enterprise account management: accounts and their \
                                subscriptions, renewals, risk flags and at-risk playbooks, expansion opportunities, \
                                the forecast, customers' feature requests, and the rule sets that decide them.

                                Every call signs in with HTTP Basic (an AccountFlow user and password); what a user \
                                may read and change follows her groups, and another rep's accounts answer 403. \
                                The app's pages use the session cookie of the sign-in form instead, with its CSRF \
                                token on every change; API clients need neither.

                                Errors are JSON `{"error": ..., "details": [...]}` whose details name the field, \
                                row or line at fault.""")
                        .license(new License().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0")))
                .servers(List.of(new Server().url("/").description("This AccountFlow server")))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("An AccountFlow user and password")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC))
                .tags(TAGS.entrySet().stream().map(t -> new Tag().name(t.getKey()).description(t.getValue()))
                        .toList());
    }

    /** The error answers of every operation: 400 where it reads input, 401 and 403 always, 404 where it names one. */
    @Bean
    GlobalOpenApiCustomizer errorAnswers() {
        return api -> {
            if (api.getPaths() == null) {
                return;
            }
            // here rather than on the bean: the document's schemas are those the controllers' types make
            api.getComponents().addSchemas(ERROR_SCHEMA, errorSchema());
            api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                    addErrorAnswers(path, method, operation)));
        };
    }

    private static void addErrorAnswers(String path, PathItem.HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses() != null ? operation.getResponses() : new ApiResponses();
        boolean readsInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        if (readsInput) {
            answer(responses, "400", "Bad input: the details name each field, row or line at fault",
                    "Invalid request", "arr: must be greater than 0");
        }
        answer(responses, "401", "Not signed in: send an AccountFlow user and password (HTTP Basic)",
                "Sign in first (HTTP Basic or the login page)");
        answer(responses, "403", "Signed in, but not allowed: another rep's account, or a role this call needs",
                "Account 0017 is in another account manager's book");
        if (path.contains("{")) {
            answer(responses, "404", "Nothing with that id, or nothing this user may see", "Account 0017 not found");
        }
        operation.setResponses(responses);
    }

    private static void answer(ApiResponses responses, String status, String description, String error,
                               String... details) {
        if (responses.containsKey(status) && responses.get(status).getContent() != null) {
            return;
        }
        Example example = new Example().value(Map.of("error", error, "details", List.of(details)));
        responses.addApiResponse(status, new ApiResponse().description(description).content(new Content()
                .addMediaType("application/json", new MediaType()
                        .schema(new Schema<>().$ref("#/components/schemas/" + ERROR_SCHEMA))
                        .example(example.getValue()))));
    }

    private static Schema<?> errorSchema() {
        return new ObjectSchema()
                .description("Every API error: what went wrong and, where it helps, each field, row or line at fault")
                .addProperty("error", new StringSchema().description("What went wrong").example("invalid request"))
                .addProperty("details", new ArraySchema().items(new StringSchema())
                        .description("Each field, row or line at fault, named")
                        .example(List.of("arr: must be greater than 0")))
                .required(List.of("error", "details"));
    }

    private static Map<String, String> tags(String... nameThenDescription) {
        java.util.LinkedHashMap<String, String> tags = new java.util.LinkedHashMap<>();
        for (int i = 0; i < nameThenDescription.length; i += 2) {
            tags.put(nameThenDescription[i], nameThenDescription[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(tags);
    }
}
