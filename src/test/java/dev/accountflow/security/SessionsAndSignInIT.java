package dev.accountflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.accountflow.support.PostgresIT;
import dev.accountflow.support.TestUsers;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Sessions, headers and sign-in as a browser, another site and a password guesser meet them, on the postgres
 * profile: sign-out from the webapps ends the app session too, guessing slows down but never locks the owner out.
 */
class SessionsAndSignInIT extends PostgresIT {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String COCKPIT_STATISTICS = "/camunda/api/cockpit/plugin/base/default/process-definition/statistics";
    private static final String WEBAPP_LOGOUT = "/camunda/api/admin/auth/user/default/logout";
    /** Guessing comes from a loopback address no other test uses, so its throttling touches nobody else. */
    private static final String GUESSER = "127.0.0.2";

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired IdentityService identity;
    @Autowired AuthorizationService authorizations;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ThreadPoolTaskScheduler scheduler;

    @BeforeEach
    void people() {
        TestUsers.ensure(identity);
    }

    @Test
    void appPagesCarryContentSecurityAndReferrerPoliciesAndTheSessionCookieIsLaxAndSecure() {
        HttpResponse<String> login = request("GET", "/login", null, null);
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("default-src 'self'").contains("script-src 'self'").contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(login.headers().firstValue("Referrer-Policy")).contains("same-origin");
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow();
        assertThat(cookie.toLowerCase(Locale.ROOT)).contains("samesite=lax").contains("secure").contains("httponly");

        String session = signIn(TestUsers.MAX);
        HttpResponse<String> home = request("GET", "/", session, null);
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(home.headers().firstValue("Referrer-Policy")).contains("same-origin");
    }

    @Test
    void anonymousCallsAreRefusedWithoutOpeningASession() {
        for (String path : List.of("/api/accounts", "/engine-rest/task", COCKPIT_STATISTICS, "/api/notifications")) {
            HttpResponse<String> refused = request("GET", path, null, null);
            assertThat(refused.statusCode()).as(path).isEqualTo(401);
            assertThat(refused.headers().allValues("Set-Cookie")).as(path).isEmpty();
        }
        HttpResponse<String> post = send(HttpRequest.newBuilder(uri("/api/accounts"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(post.statusCode()).isEqualTo(401);
        assertThat(post.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void onlyBasicCredentialsSkipTheCsrfTokenAJunkBearerHeaderOnASessionDoesNot() {
        String validate = "{\"drl\": \"package dev.accountflow.rules;\"}";
        String session = signIn(TestUsers.MAX);
        String token = csrfTokenOn(request("GET", "/", session, null).body());

        HttpResponse<String> bearerJunk = send(HttpRequest.newBuilder(uri("/api/rule-sets/health/validate"))
                .header("Cookie", "JSESSIONID=" + session).header("Authorization", "Bearer junk")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(validate)));
        assertThat(bearerJunk.statusCode()).isEqualTo(403);

        HttpResponse<String> withToken = send(HttpRequest.newBuilder(uri("/api/rule-sets/health/validate"))
                .header("Cookie", "JSESSIONID=" + session).header("X-CSRF-TOKEN", token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(validate)));
        assertThat(withToken.statusCode()).isEqualTo(200);
        assertThat(post("/api/rule-sets/health/validate", TestUsers.MAX, validate).statusCode())
                .as("an API client signing in with Basic credentials alone").isEqualTo(200);
    }

    @Test
    void repsCannotUseCockpitsOrAdminsApisNorCamundasOwnPasswordForm() {
        assertThat(get(COCKPIT_STATISTICS, TestUsers.IVY).statusCode()).isEqualTo(403);
        assertThat(get(COCKPIT_STATISTICS, TestUsers.MAX).statusCode()).isEqualTo(200);
        assertThat(get("/camunda/api/admin/plugin/adminPlugins/default/users", TestUsers.IVY).statusCode())
                .isEqualTo(403);
        HttpResponse<String> camundaLogin = send(HttpRequest.newBuilder(uri(
                "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Authorization", basic(TestUsers.IVY, TestUsers.PASSWORD))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=ned&password=guess")));
        assertThat(camundaLogin.statusCode()).isEqualTo(403);
    }

    @Test
    void anotherRepsTaskIsNotFoundWhateverTheVerb() {
        Deployment deployment = repository.createDeployment().name("errand for the task visibility test")
                .addModelInstance("errand.bpmn", Bpmn.createExecutableProcess("securityItErrand")
                        .camundaHistoryTimeToLive(1).startEvent().userTask("Task_Errand").name("Errand").endEvent()
                        .done())
                .deploy();
        try {
            ProcessInstance errand = runtime.startProcessInstanceByKey("securityItErrand");
            Task nedsTask = tasks.createTaskQuery().processInstanceId(errand.getId()).singleResult();
            tasks.setAssignee(nedsTask.getId(), TestUsers.NED);
            // the assignment rules offered it to the account managers' queue; here it is ned's alone
            tasks.getIdentityLinksForTask(nedsTask.getId()).stream().filter(link -> link.getGroupId() != null)
                    .forEach(link -> tasks.deleteCandidateGroup(nedsTask.getId(), link.getGroupId()));
            authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(nedsTask.getId()).list()
                    .stream().filter(grant -> !TestUsers.NED.equals(grant.getUserId()))
                    .forEach(grant -> authorizations.deleteAuthorization(grant.getId()));
            String id = nedsTask.getId();
            assertThat(get("/engine-rest/task/" + id, TestUsers.NED).statusCode()).isEqualTo(200);

            List<String[]> verbs = List.of(new String[] {"GET", ""}, new String[] {"DELETE", ""},
                    new String[] {"PUT", ""}, new String[] {"POST", "/complete"}, new String[] {"POST", "/submit-form"},
                    new String[] {"POST", "/claim"}, new String[] {"POST", "/unclaim"}, new String[] {"POST", "/assignee"},
                    new String[] {"POST", "/delegate"}, new String[] {"POST", "/resolve"},
                    new String[] {"GET", "/variables"}, new String[] {"POST", "/variables"},
                    new String[] {"PUT", "/variables/plan"}, new String[] {"DELETE", "/variables/plan"},
                    new String[] {"GET", "/form"}, new String[] {"GET", "/identity-links"},
                    new String[] {"POST", "/identity-links"}, new String[] {"POST", "/comment/create"});
            for (String[] verb : verbs) {
                for (String base : List.of("/engine-rest/task/", "/engine-rest/engine/default/task/")) {
                    HttpResponse<String> answer = send(verb[0], base + id + verb[1], TestUsers.IVY,
                            "{\"userId\": \"ivy\", \"variables\": {}}", null);
                    assertThat(answer.statusCode()).as("%s %s%s", verb[0], base, verb[1]).isEqualTo(404);
                    assertThat(answer.body()).as("the same answer as for a task that does not exist")
                            .isEqualTo(notFoundBodyFor(id));
                }
            }
            assertThat(get("/engine-rest/task/" + UUID.randomUUID(), TestUsers.IVY).statusCode()).isEqualTo(404);
            Task after = tasks.createTaskQuery().taskId(id).singleResult();
            assertThat(after).as("still there, untouched").isNotNull();
            assertThat(after.getAssignee()).isEqualTo(TestUsers.NED);
        } finally {
            repository.deleteDeployment(deployment.getId(), true);
        }
    }

    @Test
    void signingOutOfTheWebappsEndsTheAppSessionButAnotherSiteCannotSignSomeoneOut() {
        String session = signIn(TestUsers.IVY);
        // Tasklist hands its XSRF token to the page (this profile has no webapps admin yet, so it also points to setup)
        HttpResponse<String> tasklist = request("GET", "/camunda/app/tasklist/default/", session, null);
        assertThat(tasklist.headers().firstValue("X-Authorized-User")).contains(TestUsers.IVY);
        String xsrf = tasklist.headers().firstValue("X-XSRF-TOKEN").orElseThrow();

        HttpResponse<String> forged = request("POST", WEBAPP_LOGOUT, session, null);
        assertThat(forged.statusCode()).as("no XSRF header: another site's form").isEqualTo(403);
        assertThat(request("GET", "/", session, null).statusCode()).as("still signed in").isEqualTo(200);
        HttpResponse<String> wrongToken = request("POST", WEBAPP_LOGOUT, session, "not-" + xsrf);
        assertThat(wrongToken.statusCode()).isEqualTo(403);
        assertThat(request("GET", "/", session, null).statusCode()).isEqualTo(200);

        assertThat(request("POST", WEBAPP_LOGOUT, session, xsrf).statusCode()).isEqualTo(200);
        HttpResponse<String> afterwards = request("GET", "/camunda/app/tasklist/default/", session, null);
        assertThat(afterwards.statusCode()).isEqualTo(302);
        assertThat(afterwards.headers().firstValue("Location")).get().asString().endsWith("/login");
        assertThat(request("GET", "/", session, null).statusCode()).isEqualTo(302);
    }

    @Test
    void theAppsOwnSignOutEndsTheSessionForTasklistToo() {
        String session = signIn(TestUsers.IVY);
        assertThat(request("GET", "/camunda/app/tasklist/default/", session, null).headers()
                .firstValue("X-Authorized-User")).contains(TestUsers.IVY);
        String token = csrfTokenOn(request("GET", "/", session, null).body());
        HttpResponse<String> signOut = send(HttpRequest.newBuilder(uri("/logout")).header("Accept", "text/html")
                .header("Cookie", "JSESSIONID=" + session).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8))));
        assertThat(signOut.statusCode()).isEqualTo(302);
        assertThat(signOut.headers().firstValue("Location")).get().asString().endsWith("/login?logout");
        HttpResponse<String> tasklist = request("GET", "/camunda/app/tasklist/default/", session, null);
        assertThat(tasklist.statusCode()).isEqualTo(302);
        assertThat(tasklist.headers().firstValue("Location")).get().asString().endsWith("/login");
    }

    @Test
    void guessedPasswordsSlowDownPerUserAndPerAddressAndTheOwnerGetsInOnceTheWaitIsOver() {
        String tess = "tess-" + UUID.randomUUID().toString().substring(0, 8);
        ensureRep(tess);
        for (int i = 1; i <= 5; i++) {
            assertThat(basicFrom(GUESSER, tess, "guess-" + i).status()).as("guess %d", i).isEqualTo(401);
        }

        Answer throttled = basicFrom(GUESSER, tess, TestUsers.PASSWORD);
        assertThat(throttled.status()).as("the right password, refused unchecked while the user waits").isEqualTo(429);
        assertThat(Integer.parseInt(throttled.header("Retry-After").orElseThrow())).isBetween(1, 3);
        assertThat(throttled.body()).contains("Too many failed sign-ins for this user; try again in");
        assertThat(basicFrom(GUESSER, TestUsers.IVY, TestUsers.PASSWORD).status())
                .as("another user from the same address, below the address limit").isEqualTo(200);
        assertThat(formSignInLandsOn(tess)).as("the login page says why and for how long")
                .matches(".*/login\\?throttled=\\d+&by=user$");
        assertThat(request("GET", "/login?throttled=3&by=user", null, null).body())
                .contains("Too many failed sign-ins for this user; try again in 3 seconds.");

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250))
                .until(() -> basicFrom(GUESSER, tess, TestUsers.PASSWORD).status() == 200);

        // a sweep over many names from one address: 10 failures in all from there, then the address waits
        for (int i = 1; i <= 5; i++) {
            assertThat(basicFrom(GUESSER, "nobody-" + i, "guess").status()).isEqualTo(401);
        }
        Answer addressWaits = basicFrom(GUESSER, TestUsers.IVY, TestUsers.PASSWORD);
        assertThat(addressWaits.status()).isEqualTo(429);
        assertThat(addressWaits.body()).contains("from your address");
        assertThat(get("/api/notifications", TestUsers.IVY).statusCode()).as("ivy from her own address")
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250))
                .until(() -> basicFrom(GUESSER, TestUsers.IVY, TestUsers.PASSWORD).status() == 200);
    }

    @Test
    void camundasOwnLockNeverKeepsTheOwnerOut() {
        String tom = "tom-" + UUID.randomUUID().toString().substring(0, 8);
        ensureRep(tom);
        // more failures than Camunda's default limit of 10, straight to the identity service past the throttle
        for (int i = 1; i <= 12; i++) {
            assertThat(identity.checkPassword(tom, "guess-" + i)).isFalse();
        }
        assertThat(identity.checkPassword(tom, TestUsers.PASSWORD)).as("no permanent lock").isTrue();
        assertThat(get("/api/notifications", tom).statusCode()).isEqualTo(200);
    }

    @Test
    void scheduledWorkHasAPoolSoAHangingMailServerCannotHoldUpRulePickup() {
        assertThat(scheduler.getPoolSize()).isGreaterThanOrEqualTo(2);
    }

    // --- a browser's session, by hand: the cookie is Secure, so no cookie jar sends it over plain http ---

    private String signIn(String user) {
        HttpResponse<String> page = request("GET", "/login", null, null);
        String anonymous = sessionCookieOf(page).orElseThrow();
        String form = "username=" + user + "&password=" + TestUsers.PASSWORD + "&_csrf="
                + URLEncoder.encode(csrfTokenOn(page.body()), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = send(HttpRequest.newBuilder(uri("/login"))
                .header("Cookie", "JSESSIONID=" + anonymous).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).get().asString().doesNotContain("error");
        return sessionCookieOf(signedIn).orElseThrow();
    }

    private String formSignInLandsOn(String user) {
        HttpResponse<String> page = request("GET", "/login", null, null);
        String form = "username=" + user + "&password=" + TestUsers.PASSWORD + "&_csrf="
                + URLEncoder.encode(csrfTokenOn(page.body()), StandardCharsets.UTF_8);
        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/login"))
                .header("Cookie", "JSESSIONID=" + sessionCookieOf(page).orElseThrow())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        assertThat(answer.statusCode()).isEqualTo(302);
        return answer.headers().firstValue("Location").orElseThrow();
    }

    private HttpResponse<String> request(String method, String path, String session, String xsrf) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (session != null) {
            request.header("Cookie", "JSESSIONID=" + session);
        }
        if (xsrf != null) {
            request.header("X-XSRF-TOKEN", xsrf);
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static Optional<String> sessionCookieOf(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring("JSESSIONID=".length(), c.indexOf(';'))).findFirst();
    }

    private static String csrfTokenOn(String page) {
        Matcher token = CSRF_FIELD.matcher(page);
        assertThat(token.find()).as("the page carries a CSRF token").isTrue();
        return token.group(1);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String notFoundBodyFor(String taskId) {
        return "{\"type\":\"InvalidRequestException\",\"message\":\"No matching task with id " + taskId + "\"}";
    }

    private void ensureRep(String id) {
        User user = identity.newUser(id);
        user.setFirstName(id);
        user.setLastName("Tester");
        user.setPassword(TestUsers.PASSWORD);
        identity.saveUser(user);
        identity.createMembership(id, "account-managers");
    }

    // --- HTTP from another loopback address (Java's HttpClient cannot choose the address it sends from) ---

    private record Answer(int status, String head, String body) {
        Optional<String> header(String name) {
            Matcher value = Pattern.compile("(?im)^" + Pattern.quote(name) + ":\\s*(.+?)\\s*$").matcher(head);
            return value.find() ? Optional.of(value.group(1)) : Optional.empty();
        }
    }

    private Answer basicFrom(String address, String user, String password) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(address, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/notifications HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: "
                    + basic(user, password) + "\r\nAccept: application/json\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int endOfHead = response.indexOf("\r\n\r\n");
            String head = response.substring(0, endOfHead);
            return new Answer(Integer.parseInt(head.split(" ")[1]), head, response.substring(endOfHead + 4));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
