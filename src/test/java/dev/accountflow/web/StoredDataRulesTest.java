package dev.accountflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ResponseEntity;

/** What the database refused is told as the field the caller sent, on PostgreSQL and on H2 alike. */
class StoredDataRulesTest {

    private final StoredDataRules rules = new StoredDataRules();

    @Test
    void aTakenUniqueKeyIsAConflictNamingTheFieldItIsDerivedFrom() {
        ResponseEntity<ApiError> postgres = rules.refusal(refused("23505", "ERROR: duplicate key value violates unique "
                + "constraint \"ux_account_name_key\"\n  Detail: Key (name_key)=(harbor health) already exists."));
        ResponseEntity<ApiError> h2 = rules.refusal(refused("23505", "Unique index or primary key violation: "
                + "\"PUBLIC.UX_ACCOUNT_NAME_KEY ON PUBLIC.ACCOUNT(NAME_KEY NULLS FIRST) VALUES ( /* 3 */ 'acme' )\""));

        for (ResponseEntity<ApiError> answer : List.of(postgres, h2)) {
            assertThat(answer.getStatusCode().value()).isEqualTo(409);
            assertThat(answer.getBody().details()).containsExactly("name: already taken");
        }
    }

    @Test
    void aValueTheColumnCannotHoldIsABadRequestNamingTheField() {
        ResponseEntity<ApiError> postgres = rules.refusal(refused("23502",
                "ERROR: null value in column \"owner_id\" of relation \"account\" violates not-null constraint"));
        ResponseEntity<ApiError> h2 = rules.refusal(refused("23502", "NULL not allowed for column \"OWNER_ID\"; SQL"));
        ResponseEntity<ApiError> tooLong = rules.refusal(refused("22001",
                "ERROR: value too long for type character varying(8000)"));

        assertThat(postgres.getStatusCode().value()).isEqualTo(400);
        assertThat(postgres.getBody().details()).containsExactly("ownerId: is required");
        assertThat(h2.getBody().details()).containsExactly("ownerId: is required");
        assertThat(tooLong.getStatusCode().value()).isEqualTo(400);
        assertThat(tooLong.getBody().details()).containsExactly("a field: is too long");
        assertThat(tooLong.getBody().error()).doesNotContain("character varying");
    }

    private static DataIntegrityViolationException refused(String sqlState, String message) {
        return new DataIntegrityViolationException("could not execute statement", new SQLException(message, sqlState));
    }
}
