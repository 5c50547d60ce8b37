package dev.accountflow.featurerequest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMailUtil;
import dev.accountflow.account.Account;
import dev.accountflow.account.AccountService;
import dev.accountflow.account.Contact;
import dev.accountflow.account.ContactRole;
import dev.accountflow.account.Subscription;
import dev.accountflow.account.Tier;
import dev.accountflow.account.Vertical;
import dev.accountflow.notification.MailDelivery;
import dev.accountflow.support.PostgresIT;
import dev.accountflow.support.TestUsers;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Feature requests over the API on PostgreSQL: routing, PM decision, released customer mail, shipped, duplicates. */
class FeatureRequestApiIT extends PostgresIT {

    private static final LocalDate TODAY = LocalDate.now();

    @Autowired AccountService accounts;
    @Autowired IdentityService identity;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired MailDelivery mailDelivery;
    @Autowired dev.accountflow.renewal.RenewalWindow renewalWindow;
    @Autowired JdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void people() {
        TestUsers.ensure(identity);
        new ProductTeamsFixture(identity).pmAnalytics(TestUsers.PRODUCT_MANAGER);
        mailDelivery.deliverDue(Instant.now().plus(Duration.ofDays(1)));
        smtp().reset();
    }

    @Test
    void plannedRequestMailsTheAmAtOnceTheCustomerOnlyAfterReleaseAndEveryoneWhenShipped() throws Exception {
        Account account = account(TestUsers.IVY, Tier.ENTERPRISE);
        String contactEmail = "cfo-" + unique() + "@customer.test";
        accounts.addContact(account.getId(), "Dana Cruz", contactEmail, ContactRole.CHAMPION, null);
        arr(account, "180000");
        Subscription churned = arr(account, "50000");
        jdbc.update("update subscription set status = 'CHURNED' where id = ?", churned.getId());

        HttpResponse<String> logged = post("/api/feature-requests", TestUsers.IVY, body(account.getId(),
                "Export dashboards to PDF " + unique(), "ANALYTICS", "NEEDED_FOR_EXPANSION", null));
        assertThat(logged.statusCode()).as(logged.body()).isEqualTo(201);
        JsonNode request = json.readTree(logged.body());
        String id = request.get("id").asText();
        assertThat(request.get("status").asText()).isEqualTo("UNDER_REVIEW");
        assertThat(request.get("pmGroup").asText()).isEqualTo("pm-analytics");
        assertThat(request.get("arrAtStake").decimalValue()).as("live subscriptions only").isEqualByComparingTo("180000");
        assertThat(request.get("priority").asText()).isEqualTo("P3");

        JsonNode why = json.readTree(get("/api/decisions?subjectType=feature-request&subjectId=" + id, TestUsers.MAX).body());
        assertThat(why.toString()).contains("Analytics requests go to the analytics product managers");

        Task review = openTask(id);
        assertThat(review.getTaskDefinitionKey()).isEqualTo("Task_ReviewFeatureRequest");
        assertThat(tasks.getIdentityLinksForTask(review.getId())).extracting(IdentityLink::getGroupId)
                .containsExactly("pm-analytics");
        assertThat(tasks.createTaskQuery().taskCandidateUser(TestUsers.PRODUCT_MANAGER).taskId(review.getId()).count())
                .isEqualTo(1);

        tasks.complete(review.getId(), Map.of("pmDecision", "PLANNED", "targetRelease", "2027.2"));
        mailDelivery.deliverDue(Instant.now().plusSeconds(5));
        assertThat(mailTo(TestUsers.IVY + "@accountflow.test")).hasSize(1);
        Map<String, String> amMail = parts(mailTo(TestUsers.IVY + "@accountflow.test").get(0));
        assertThat(amMail.get("text/plain")).contains("Product management plans it for release 2027.2")
                .contains("$180,000").contains("release it in Tasklist");
        assertThat(amMail.get("text/html")).contains("<p>").contains("Product management plans it for release 2027.2")
                .contains("$180,000");
        assertThat(mailTo(contactEmail)).as("nothing reaches the customer before the AM releases it").isEmpty();

        Task release = openTask(id);
        assertThat(release.getTaskDefinitionKey()).isEqualTo("Task_ReleaseCustomerAnswer");
        assertThat(release.getAssignee()).isEqualTo(TestUsers.IVY);
        assertThat((String) runtime.getVariable(release.getProcessInstanceId(), "customerPreview"))
                .contains("Dear Dana Cruz").contains("planned it for release 2027.2");
        tasks.complete(release.getId(), Map.of("releaseToCustomer", true));
        mailDelivery.deliverDue(Instant.now().plusSeconds(5));
        assertThat(mailTo(contactEmail)).hasSize(1);
        Map<String, String> customerMail = parts(mailTo(contactEmail).get(0));
        assertThat(customerMail.get("text/plain")).as("the customer gets what the AM previewed")
                .isEqualToIgnoringNewLines((String) runtime.getVariable(release.getProcessInstanceId(), "customerPreview"));
        assertThat(customerMail.get("text/html")).contains("Dear Dana Cruz").contains("planned it for release 2027.2")
                .contains("&quot;Export dashboards to PDF");
        assertThat(mailTo(TestUsers.IVY + "@accountflow.test")).as("the AM's mail went once").hasSize(1);

        assertThat(post("/api/feature-requests/" + id + "/shipped", TestUsers.IVY, "").statusCode()).isEqualTo(403);
        HttpResponse<String> shipped = post("/api/feature-requests/" + id + "/shipped", TestUsers.PRODUCT_MANAGER, "");
        assertThat(shipped.statusCode()).as(shipped.body()).isEqualTo(200);
        assertThat(json.readTree(shipped.body()).get("status").asText()).isEqualTo("SHIPPED");
        mailDelivery.deliverDue(Instant.now().plusSeconds(5));
        assertThat(mailTo(contactEmail)).hasSize(2);
        assertThat(parts(mailTo(contactEmail).get(1)).get("text/html")).contains("now available");
        assertThat(mailTo(TestUsers.IVY + "@accountflow.test")).hasSize(2);
        assertThat(parts(mailTo(TestUsers.IVY + "@accountflow.test").get(1)).get("text/plain")).contains("has shipped");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).count()).isZero();
    }

    @Test
    void aDeclinedAnswerTheAmDoesNotReleaseNeverReachesTheCustomer() throws Exception {
        Account account = account(TestUsers.IVY, Tier.GROWTH);
        String contactEmail = "cto-" + unique() + "@customer.test";
        accounts.addContact(account.getId(), "Lee Park", contactEmail, ContactRole.CHAMPION, null);
        arr(account, "60000");
        String id = json.readTree(post("/api/feature-requests", TestUsers.IVY, body(account.getId(),
                "Offline mode for the mobile app " + unique(), "PLATFORM", "NICE_TO_HAVE", null)).body()).get("id").asText();

        tasks.complete(openTask(id).getId(), Map.of("pmDecision", "DECLINED", "decisionNote", "Not this year <sorry>"));
        mailDelivery.deliverDue(Instant.now().plusSeconds(5));
        List<MimeMessage> am = mailTo(TestUsers.IVY + "@accountflow.test");
        assertThat(am).as("one mail to the AM per decision").hasSize(1);
        assertThat(parts(am.get(0)).get("text/plain")).contains("Product management declined it")
                .contains("Their note: Not this year <sorry>");
        assertThat(parts(am.get(0)).get("text/html")).contains("Not this year &lt;sorry&gt;");

        tasks.complete(openTask(id).getId(), Map.of("releaseToCustomer", false));
        mailDelivery.deliverDue(Instant.now().plusSeconds(5));
        assertThat(mailTo(contactEmail)).as("the AM kept the answer back").isEmpty();
        assertThat(mailTo(TestUsers.IVY + "@accountflow.test")).hasSize(1);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).count()).isZero();
    }

    @Test
    void productManagementLinksADuplicateLaterItsReviewEndsAndTheMastersStakeCountsEachAccountOnce() throws Exception {
        Account first = account(TestUsers.IVY, Tier.GROWTH);
        arr(first, "100000");
        Account second = account(TestUsers.NED, Tier.GROWTH);
        arr(second, "40000");
        String asked = unique();
        String masterId = logged(TestUsers.IVY, first, "Bulk price updates " + asked);
        String fromNed = logged(TestUsers.NED, second, "Update prices in bulk " + unique());
        String ivyAgain = logged(TestUsers.IVY, first, "Bulk price updates by CSV " + asked);

        assertRefused(post("/api/feature-requests/" + fromNed + "/duplicate-of", TestUsers.IVY,
                "{\"masterId\":\"" + masterId + "\"}"), 403, null);
        assertRefused(post("/api/feature-requests/" + fromNed + "/duplicate-of", TestUsers.PRODUCT_MANAGER,
                "{\"masterId\":\"no-such-request\"}"), 400, "masterId");
        assertRefused(post("/api/feature-requests/" + fromNed + "/duplicate-of", TestUsers.PRODUCT_MANAGER,
                "{\"masterId\":\"" + fromNed + "\"}"), 400, "masterId");
        assertRefused(post("/api/feature-requests/" + fromNed + "/duplicate-of", TestUsers.PRODUCT_MANAGER,
                "{}"), 400, "masterId");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(fromNed).count()).isEqualTo(1);

        HttpResponse<String> linked = post("/api/feature-requests/" + fromNed + "/duplicate-of",
                TestUsers.PRODUCT_MANAGER, "{\"masterId\":\"" + masterId + "\"}");
        assertThat(linked.statusCode()).as(linked.body()).isEqualTo(200);
        JsonNode master = json.readTree(linked.body());
        assertThat(master.get("id").asText()).isEqualTo(masterId);
        assertThat(master.get("arrAtStake").decimalValue()).isEqualByComparingTo("140000");
        assertThat(master.get("requestingAccounts").asInt()).isEqualTo(2);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(fromNed).count())
                .as("the duplicate's review ended").isZero();
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(fromNed).count()).isZero();
        assertThat(post("/api/feature-requests/" + fromNed + "/duplicate-of", TestUsers.PRODUCT_MANAGER,
                "{\"masterId\":\"" + masterId + "\"}").statusCode()).as("linked once").isEqualTo(409);

        // from her review task: Ivy's account asks a second time, and still counts once
        Task review = openTask(ivyAgain);
        assertThat((String) runtime.getVariable(review.getProcessInstanceId(), "similarOpen")).contains(masterId);
        tasks.complete(review.getId(), Map.of("pmDecision", "DUPLICATE", "duplicateOf", masterId));
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(ivyAgain).count()).isZero();
        Map<String, Object> stored = jdbc.queryForMap(
                "select arr_at_stake, requesting_accounts from feature_request where id = ?", masterId);
        assertThat((BigDecimal) stored.get("arr_at_stake")).isEqualByComparingTo("140000");
        assertThat(stored.get("requesting_accounts")).isEqualTo(2);
        assertThat(jdbc.queryForList("select master_id from feature_request where id in (?, ?)", String.class,
                fromNed, ivyAgain)).containsOnly(masterId);

        // the master's answer reaches every requesting account's manager, once per account
        tasks.complete(openTask(masterId).getId(), Map.of("pmDecision", "PLANNED", "targetRelease", "2027.3"));
        mailDelivery.deliverDue(Instant.now().plusSeconds(5));
        assertThat(mailTo(TestUsers.NED + "@accountflow.test")).hasSize(1);
        assertThat(parts(mailTo(TestUsers.NED + "@accountflow.test").get(0)).get("text/plain"))
                .contains(second.getName()).contains("$140,000");
        assertThat(mailTo(TestUsers.IVY + "@accountflow.test")).as("Ivy's account asked twice, she hears once")
                .hasSize(1);
        assertThat(jdbc.queryForList("select distinct status from feature_request where id in (?, ?, ?)", String.class,
                masterId, fromNed, ivyAgain)).containsExactly("PLANNED");
    }

    @Test
    void anAccountManagerLinksHerOwnCustomersRepeatAndHerAccountStillCountsOnce() throws Exception {
        Account first = account(TestUsers.IVY, Tier.GROWTH);
        arr(first, "90000");
        Account second = account(TestUsers.NED, Tier.GROWTH);
        arr(second, "30000");
        String asked = unique();
        String masterId = logged(TestUsers.NED, second, "Audit trail export " + asked);
        String ivyFirst = logged(TestUsers.IVY, first, "Export the audit trail " + asked);
        String ivyAgain = logged(TestUsers.IVY, first, "Audit trail export to CSV " + asked);

        assertRefused(post("/api/feature-requests/" + ivyFirst + "/duplicate-of", TestUsers.NED,
                "{\"masterId\":\"" + masterId + "\"}"), 403, null);
        assertThat(post("/api/feature-requests/" + ivyFirst + "/duplicate-of", TestUsers.IVY,
                "{\"masterId\":\"" + masterId + "\"}").statusCode()).isEqualTo(200);
        HttpResponse<String> again = post("/api/feature-requests/" + ivyAgain + "/duplicate-of", TestUsers.IVY,
                "{\"masterId\":\"" + masterId + "\"}");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        JsonNode master = json.readTree(again.body());
        assertThat(master.get("arrAtStake").decimalValue()).as("Ivy's account asked twice, its ARR counts once")
                .isEqualByComparingTo("120000");
        assertThat(master.get("requestingAccounts").asInt()).isEqualTo(2);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(ivyFirst).count()
                + runtime.createProcessInstanceQuery().processInstanceBusinessKey(ivyAgain).count())
                .as("both of her reviews ended").isZero();
    }

    @Test
    void aRequestThatBlocksTheRenewalShowsOnTheRenewalsTasksWithWhereItStands() throws Exception {
        Account account = account(TestUsers.IVY, Tier.GROWTH);
        Subscription renewing = accounts.addSubscription(account.getId(), "Commerce Cloud " + unique(),
                new BigDecimal("90000"), TODAY.minusMonths(11), TODAY.plusDays(45));
        String title = "Multi-currency invoices " + unique();
        String id = logged(TestUsers.IVY, account, title);
        logged(TestUsers.IVY, account(TestUsers.IVY, Tier.GROWTH), "Another account's blocker " + unique());

        renewalWindow.startDueRenewals(TODAY);
        Task renewalTask = tasks.createTaskQuery().processInstanceBusinessKey(renewing.getId()).active().singleResult();
        assertThat(renewalTask.getProcessDefinitionId()).startsWith("renewal:");
        String shown = (String) tasks.getVariable(renewalTask.getId(), "blockingFeatureRequests");
        assertThat(shown).as("the task created after the request carries it")
                .isEqualTo("- [" + title + "](/accounts/" + account.getId() + "#feature-requests): Under review");

        tasks.complete(openTask(id).getId(), Map.of("pmDecision", "PLANNED", "targetRelease", "2027.4"));
        assertThat((String) tasks.getVariable(renewalTask.getId(), "blockingFeatureRequests"))
                .as("the open renewal task shows the decision").contains(title).contains("Planned for 2027.4")
                .doesNotContain("Another account");
    }

    @Test
    void aConfirmedDuplicateJoinsTheOpenRequestAndCountsEachAccountsArrOnce() throws Exception {
        Account first = account(TestUsers.IVY, Tier.GROWTH);
        arr(first, "100000");
        Account second = account(TestUsers.NED, Tier.GROWTH);
        arr(second, "40000");
        String title = "Audit log API for admins " + unique();
        String masterId = json.readTree(post("/api/feature-requests", TestUsers.IVY,
                body(first.getId(), title, "PLATFORM", "NICE_TO_HAVE", null)).body()).get("id").asText();

        JsonNode similar = json.readTree(get("/api/feature-requests/similar?productArea=PLATFORM&title="
                + title.replace(" ", "%20").replace("log", "logs"), TestUsers.NED).body());
        assertThat(similar.findValuesAsText("id")).contains(masterId);
        assertThat(json.readTree(get("/api/feature-requests/similar?productArea=COMMERCE&title="
                + title.replace(" ", "%20"), TestUsers.NED).body()).findValuesAsText("id")).doesNotContain(masterId);

        long processes = runtime.createProcessInstanceQuery().processDefinitionKey("feature-request").count();
        HttpResponse<String> linked = post("/api/feature-requests", TestUsers.NED,
                body(second.getId(), "Audit logs API", "PLATFORM", "NICE_TO_HAVE", masterId));
        assertThat(linked.statusCode()).as(linked.body()).isEqualTo(201);
        assertThat(json.readTree(linked.body()).get("duplicateOf").asText()).isEqualTo(masterId);
        HttpResponse<String> again = post("/api/feature-requests", TestUsers.IVY,
                body(first.getId(), "Audit log API, again", "PLATFORM", "NICE_TO_HAVE", masterId));
        assertThat(again.statusCode()).isEqualTo(201);

        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("feature-request").count())
                .as("a duplicate opens no second review").isEqualTo(processes);
        Map<String, Object> master = jdbc.queryForMap(
                "select arr_at_stake, requesting_accounts from feature_request where id = ?", masterId);
        assertThat((BigDecimal) master.get("arr_at_stake")).isEqualByComparingTo("140000");
        assertThat(master.get("requesting_accounts")).isEqualTo(2);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsStoredOrStarted() throws Exception {
        Account mine = account(TestUsers.IVY, Tier.GROWTH);
        long processes = runtime.createProcessInstanceQuery().processDefinitionKey("feature-request").count();

        assertRefused(post("/api/feature-requests", TestUsers.IVY, body("no-such-account", "A title", null,
                "NICE_TO_HAVE", null)), 400, "accountId");
        assertRefused(post("/api/feature-requests", TestUsers.IVY, "{\"accountId\":\"" + mine.getId()
                + "\",\"title\":\"A title\",\"description\":\"why\",\"businessImpact\":\"NICE_TO_HAVE\",\"contactId\":\"nobody\"}"),
                400, "contactId");
        assertRefused(post("/api/feature-requests", TestUsers.IVY, body(mine.getId(), " ", null, "NICE_TO_HAVE", null)),
                400, "title");
        assertRefused(post("/api/feature-requests", TestUsers.IVY, "{\"title\":\"A title\",\"description\":\"why\","
                + "\"businessImpact\":\"NICE_TO_HAVE\"}"), 400, "accountId");
        String huge = "x".repeat(1_000_000);
        assertRefused(post("/api/feature-requests", TestUsers.IVY, "{\"accountId\":\"" + mine.getId()
                + "\",\"title\":\"A title\",\"description\":\"" + huge + "\",\"businessImpact\":\"NICE_TO_HAVE\"}"),
                400, "description");
        assertRefused(post("/api/feature-requests", TestUsers.NED, body(mine.getId(), "A title", null, "NICE_TO_HAVE",
                null)), 403, null);

        assertThat(jdbc.queryForObject("select count(*) from feature_request where account_id = ?", Long.class,
                mine.getId())).isZero();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("feature-request").count())
                .isEqualTo(processes);
    }

    private String logged(String rep, Account account, String title) throws Exception {
        HttpResponse<String> answer = post("/api/feature-requests", rep,
                body(account.getId(), title, "COMMERCE", "BLOCKS_RENEWAL", null));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return json.readTree(answer.body()).get("id").asText();
    }

    /** A mail's parts by content type (text/plain, text/html), as the customer's mail program sees them. */
    private static Map<String, String> parts(MimeMessage message) throws Exception {
        Map<String, String> found = new java.util.HashMap<>();
        collect(message, found);
        assertThat(found).as("a multipart mail with both parts").containsKeys("text/plain", "text/html");
        return found;
    }

    private static void collect(jakarta.mail.Part part, Map<String, String> found) throws Exception {
        Object content = part.getContent();
        if (content instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), found);
            }
        } else if (part.isMimeType("text/plain") || part.isMimeType("text/html")) {
            found.put(part.isMimeType("text/plain") ? "text/plain" : "text/html", content.toString());
        }
    }

    private void assertRefused(HttpResponse<String> answer, int status, String field) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        JsonNode error = json.readTree(answer.body());
        assertThat(error.get("error").asText()).isNotBlank();
        if (field != null) {
            assertThat(error.get("details").toString()).contains(field);
        }
    }

    private String body(String accountId, String title, String area, String impact, String duplicateOf) {
        return "{\"accountId\":\"" + accountId + "\",\"title\":\"" + title + "\",\"description\":\"The customer needs it\""
                + (area == null ? "" : ",\"productArea\":\"" + area + "\"") + ",\"businessImpact\":\"" + impact + "\""
                + (duplicateOf == null ? "" : ",\"duplicateOf\":\"" + duplicateOf + "\"") + "}";
    }

    private Account account(String owner, Tier tier) {
        return accounts.createAccount("Feature Client " + unique(), Vertical.HEALTHCARE, "NORTHEAST", tier, owner);
    }

    private Subscription arr(Account account, String arr) {
        return accounts.addSubscription(account.getId(), "Analytics Suite " + unique(), new BigDecimal(arr),
                TODAY.minusMonths(6), TODAY.plusMonths(6));
    }

    private Task openTask(String requestId) {
        List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(requestId).active().list();
        assertThat(open).hasSize(1);
        return open.get(0);
    }

    private List<MimeMessage> mailTo(String address) throws Exception {
        return Arrays.stream(smtp().getReceivedMessages()).filter(m -> {
            try {
                return GreenMailUtil.getAddressList(m.getAllRecipients()).contains(address);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** Puts the test's product manager into the analytics product group (the demo gives priya every area). */
    private record ProductTeamsFixture(IdentityService identity) {
        void pmAnalytics(String userId) {
            if (identity.createUserQuery().userId(userId).memberOfGroup("pm-analytics").count() == 0) {
                identity.createMembership(userId, "pm-analytics");
            }
        }
    }
}
