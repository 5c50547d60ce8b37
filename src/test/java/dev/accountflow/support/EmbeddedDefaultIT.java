package dev.accountflow.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests of the embedded default: no profile, H2 file database (a new one per test JVM under target/),
 * demo team and demo portfolio, as `./mvnw spring-boot:run` gives a newcomer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class EmbeddedDefaultIT {

    public static final String DEMO_PASSWORD = "demo";
    private static final String H2_DIR = "./target/h2-default-" + ProcessHandle.current().pid();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + H2_DIR + "/accountflow;DB_CLOSE_ON_EXIT=FALSE");
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    protected HttpResponse<String> get(String path, String user) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET();
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return send(HttpClient.newBuilder().cookieHandler(new CookieManager()).build(), request.build());
    }

    protected static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
