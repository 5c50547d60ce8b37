package dev.accountflow.dataloader;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accountflow.support.PostgresIT;
import dev.accountflow.support.TestUsers;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Not a test: `./mvnw -B -ntp -Pbench verify -Dit.test=DataLoaderBench -DargLine=-Xmx512m` imports a 100,000-row
 * account file and a 300,000-row contact file on the local PostgreSQL through the API, then exports them again, and
 * prints rows/s and the heap's peak (upper bound: the sum of each heap pool's peak, the test client included).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"accountflow.dataloader.batch-size=1000", "logging.level.dev.accountflow=WARN",
                "logging.level.org.camunda=WARN"})
class DataLoaderBench extends PostgresIT {

    private static final int ACCOUNTS = Integer.getInteger("bench.accounts", 100_000);
    private static final int CONTACTS_PER_ACCOUNT = 3;

    @Autowired IdentityService identity;

    @Test
    void importAndExportOfAHundredThousandAccountsAndThreeHundredThousandContacts() throws Exception {
        TestUsers.ensure(identity);
        Path accounts = Files.createTempFile("bench-Account-", ".csv");
        Path contacts = Files.createTempFile("bench-Contact-", ".csv");
        List<String> accountIds = new ArrayList<>(ACCOUNTS);
        try {
            try (BufferedWriter out = Files.newBufferedWriter(accounts, StandardCharsets.UTF_8)) {
                out.write("\"ID\",\"NAME\",\"INDUSTRY\",\"TERRITORY__C\",\"TIER__C\",\"OWNERID\",\"DESCRIPTION\"\r\n");
                for (int i = 0; i < ACCOUNTS; i++) {
                    String id = DataLoaderFiles.newId("001");
                    accountIds.add(id);
                    out.write("\"" + id + "\",\"Bench Account " + i + ", Inc.\",\"" + (i % 3 == 0 ? "Healthcare" : "Insurance")
                            + "\",\"NORTHEAST\",\"Growth\",\"" + (i % 2 == 0 ? "ivy" : "ned")
                            + "\",\"A line,\r\nand another\"\r\n");
                }
            }
            try (BufferedWriter out = Files.newBufferedWriter(contacts, StandardCharsets.UTF_8)) {
                out.write("\"ID\",\"ACCOUNTID\",\"FIRSTNAME\",\"LASTNAME\",\"EMAIL\",\"ROLE__C\",\"LASTACTIVITYDATE\"\r\n");
                int n = 0;
                for (String account : accountIds) {
                    for (int c = 0; c < CONTACTS_PER_ACCOUNT; c++, n++) {
                        out.write("\"" + DataLoaderFiles.newId("003") + "\",\"" + account + "\",\"Kim\",\"Contact " + n
                                + "\",\"kim" + n + "@bench.example\",\"Champion\",\"2026-10-01\"\r\n");
                    }
                }
            }
            accountIds.clear();
            System.gc();
            resetPeaks();
            Timed accountImport = importFile("accounts", accounts);
            long accountPeak = heapPeakMb();
            System.gc();
            resetPeaks();
            Timed contactImport = importFile("contacts", contacts);
            long contactPeak = heapPeakMb();
            System.gc();
            resetPeaks();
            long begin = System.nanoTime();
            HttpResponse<Path> export = client().send(request("/api/export/contacts").GET().build(),
                    HttpResponse.BodyHandlers.ofFile(contacts));
            double exportSeconds = (System.nanoTime() - begin) / 1e9;
            long exportPeak = heapPeakMb();
            long exportedRows = Files.lines(contacts).count() - 1;

            System.out.printf("%n=== Data Loader bench (PostgreSQL, batches of 1,000, max heap %d MB) ===%n"
                            + "accounts import:  %,d rows in %.1f s = %,.0f rows/s, heap peak %d MB (%s)%n"
                            + "contacts import:  %,d rows in %.1f s = %,.0f rows/s, heap peak %d MB (%s)%n"
                            + "contacts export:  %,d lines in %.1f s = %,.0f rows/s, heap peak %d MB%n%n",
                    Runtime.getRuntime().maxMemory() / (1024 * 1024),
                    ACCOUNTS, accountImport.seconds, ACCOUNTS / accountImport.seconds, accountPeak, accountImport.answer,
                    ACCOUNTS * CONTACTS_PER_ACCOUNT, contactImport.seconds,
                    ACCOUNTS * CONTACTS_PER_ACCOUNT / contactImport.seconds, contactPeak, contactImport.answer,
                    exportedRows, exportSeconds, exportedRows / exportSeconds, exportPeak);
            assertThat(export.statusCode()).isEqualTo(200);
            assertThat(accountImport.answer.get("created").asLong()).isEqualTo(ACCOUNTS);
            assertThat(contactImport.answer.get("created").asLong()).isEqualTo((long) ACCOUNTS * CONTACTS_PER_ACCOUNT);
        } finally {
            Files.deleteIfExists(accounts);
            Files.deleteIfExists(contacts);
        }
    }

    record Timed(double seconds, JsonNode answer) {
    }

    private Timed importFile(String kind, Path file) throws Exception {
        long begin = System.nanoTime();
        HttpResponse<String> response = client().send(request("/api/import/" + kind).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - begin) / 1e9;
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new Timed(seconds, new ObjectMapper().readTree(response.body()));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((TestUsers.MAX + ":" + TestUsers.PASSWORD)
                .getBytes(StandardCharsets.UTF_8)));
    }

    private static HttpClient client() {
        return HttpClient.newHttpClient();
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long heapPeakMb() throws IOException {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() / (1024 * 1024);
    }
}
