package dev.accountflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Tasklist's start forms as the browser sends them: text variables of a submit-form, and what Tasklist offers. */
public final class StartForms {

    /** The process definitions Tasklist offers the person in "Start process". */
    public static final String STARTABLE = "/engine-rest/process-definition?latest=true&active=true"
            + "&startableInTasklist=true&startablePermissionCheck=true";

    private static final ObjectMapper JSON = new ObjectMapper();

    private StartForms() {
    }

    /** A submit-form body with each field as the form sends it: a String variable. */
    public static String submitted(Map<String, String> fields) throws Exception {
        ObjectNode variables = JSON.createObjectNode();
        fields.forEach((k, v) -> variables.putObject(k).put("value", v).put("type", "String"));
        ObjectNode body = JSON.createObjectNode();
        body.set("variables", variables);
        return JSON.writeValueAsString(body);
    }

    /** How many starts of the request process ever held this account (history): none when every start was refused. */
    public static long startsFor(org.springframework.jdbc.core.JdbcTemplate jdbc, String requestProcess,
                                 String accountId) {
        return jdbc.queryForObject("select count(*) from act_hi_procinst p join act_hi_varinst v"
                + " on v.proc_inst_id_ = p.id_ where p.proc_def_key_ = ? and v.name_ = 'accountId' and v.text_ = ?",
                Long.class, requestProcess, accountId);
    }

    /** The keys of the process definitions an answer to {@link #STARTABLE} lists. */
    public static List<String> keys(HttpResponse<String> answer) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        List<String> keys = new ArrayList<>();
        for (JsonNode definition : JSON.readTree(answer.body())) {
            keys.add(definition.get("key").asText());
        }
        return keys;
    }

    /**
     * The account select of a start form as Tasklist loads it (an answer to .../deployed-start-form): value → label;
     * a searchable select, so she types to find one.
     */
    public static Map<String, String> accountChoices(HttpResponse<String> deployedForm) throws Exception {
        assertThat(deployedForm.statusCode()).as(deployedForm.body()).isEqualTo(200);
        Map<String, String> choices = new LinkedHashMap<>();
        for (JsonNode component : JSON.readTree(deployedForm.body()).get("components")) {
            if ("accountId".equals(component.path("key").asText())) {
                assertThat(component.path("type").asText()).isEqualTo("select");
                assertThat(component.path("searchable").asBoolean()).as("she types to find one").isTrue();
                component.path("values").forEach(v -> choices.put(v.get("value").asText(), v.get("label").asText()));
            }
        }
        return choices;
    }
}
