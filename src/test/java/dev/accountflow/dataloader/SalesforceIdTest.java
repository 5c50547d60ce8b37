package dev.accountflow.dataloader;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SalesforceIdTest {

    @Test
    void aFifteenCharacterIdGetsTheChecksumSalesforceGivesIt() {
        assertThat(SalesforceId.normalize("001D000000IqhSL")).isEqualTo("001D000000IqhSLIAZ");
    }

    @Test
    void anEighteenCharacterIdIsKeptWithItsChecksumInCapitals() {
        assertThat(SalesforceId.normalize("001D000000IqhSLiaz")).isEqualTo("001D000000IqhSLIAZ");
    }

    @Test
    void anythingElseIsNoSalesforceId() {
        assertThat(SalesforceId.normalize("001D000000IqhS")).isNull();
        assertThat(SalesforceId.normalize("001D000000IqhSL-")).isNull();
        assertThat(SalesforceId.normalize("a3f1c2d4-0000-4000-8000-000000000000")).isNull();
    }
}
