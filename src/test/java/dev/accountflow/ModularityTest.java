package dev.accountflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/** The capability packages depend on each other without cycles, so the boundaries hold without policing. */
class ModularityTest {

    private final ApplicationModules modules = ApplicationModules.of(AccountFlowApplication.class);

    @Test
    void capabilitiesFormNoCycles() {
        modules.verify();
    }

    @Test
    void theRuleEngineDependsOnNoProcessOrMailCapability() {
        ApplicationModule rules = modules.getModuleByName("rules").orElseThrow();
        assertThat(rules.getDirectDependencies(modules).stream().map(d -> d.getTargetModule().getName()))
                .doesNotContain("renewal", "notification", "health", "assignment", "rulesets", "demo");
    }
}
