package dev.accountflow.rules;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface DecisionRecordRepository extends JpaRepository<DecisionRecord, String> {

    List<DecisionRecord> findBySubjectTypeAndSubjectIdOrderByMadeAt(String subjectType, String subjectId);

    List<DecisionRecord> findTop200ByOrderByMadeAtDesc();
}
