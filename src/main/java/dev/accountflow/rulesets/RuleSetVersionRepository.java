package dev.accountflow.rulesets;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface RuleSetVersionRepository extends JpaRepository<RuleSetVersion, String> {

    List<RuleSetVersion> findByRuleSetOrderByVersionDesc(String ruleSet);

    Optional<RuleSetVersion> findByRuleSetAndVersion(String ruleSet, int version);

    @Query("select coalesce(max(v.version), 0) from RuleSetVersion v where v.ruleSet = :ruleSet")
    int latestVersion(String ruleSet);
}
