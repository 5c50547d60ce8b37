package dev.accountflow.rulesets;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface RuleSetRecordRepository extends JpaRepository<RuleSetRecord, String> {

    List<RuleSetRecord> findAllByOrderByName();
}
