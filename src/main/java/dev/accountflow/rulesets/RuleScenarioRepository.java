package dev.accountflow.rulesets;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface RuleScenarioRepository extends JpaRepository<RuleScenario, String> {

    List<RuleScenario> findByRuleSetOrderByName(String ruleSet);

    boolean existsByRuleSetAndName(String ruleSet, String name);
}
