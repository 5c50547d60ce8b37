package dev.accountflow.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accountflow.support.PostgresIT;
import dev.accountflow.support.TestUsers;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Two managers typing the same new account at once get one account, however they spelled its case. */
class AccountNameRaceIT extends PostgresIT {

    private static final int MANAGERS_AT_ONCE = 96;

    private final ObjectMapper json = new ObjectMapper();

    @Autowired IdentityService identity;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void people() {
        TestUsers.ensure(identity);
    }

    @Test
    void parallelCreatesOfOneNameMakeOneAccountAndTellTheRestItIsTaken() throws Exception {
        String name = "Concurrent Casualty " + UUID.randomUUID().toString().substring(0, 8);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService managers = Executors.newFixedThreadPool(MANAGERS_AT_ONCE);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < MANAGERS_AT_ONCE; i++) {
                // every third one types it in capitals, every other one with spaces around
                String typed = i % 3 == 0 ? name.toUpperCase(Locale.ROOT) : i % 2 == 0 ? "  " + name + " " : name;
                Callable<HttpResponse<String>> create = () -> {
                    start.await();
                    return post("/api/accounts", TestUsers.MAX, "{\"name\":\"" + typed + "\",\"vertical\":\"INSURANCE\","
                            + "\"territory\":\"NORTHEAST\",\"tier\":\"GROWTH\",\"ownerId\":\"" + TestUsers.IVY + "\"}");
                };
                answers.add(managers.submit(create));
            }
            start.countDown();
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                responses.add(answer.get());
            }

            Map<Integer, Long> statuses = responses.stream()
                    .collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
            assertThat(statuses).as(responses.stream().map(HttpResponse::body).distinct().toList().toString())
                    .containsExactlyInAnyOrderEntriesOf(Map.of(201, 1L, 409, (long) MANAGERS_AT_ONCE - 1));
            for (HttpResponse<String> refused : responses.stream().filter(r -> r.statusCode() == 409).toList()) {
                JsonNode error = json.readTree(refused.body());
                assertThat(error.get("details").toString()).as(refused.body()).contains("name");
            }
            assertThat(jdbc.queryForObject("select count(*) from account where name_key = ?", Integer.class,
                    name.toLowerCase(Locale.ROOT))).isEqualTo(1);
        } finally {
            managers.shutdownNow();
        }
    }
}
