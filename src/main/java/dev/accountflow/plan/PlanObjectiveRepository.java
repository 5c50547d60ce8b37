package dev.accountflow.plan;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface PlanObjectiveRepository extends JpaRepository<PlanObjective, String> {

    List<PlanObjective> findByPlanIdOrderByQuarterAscCreatedAtAsc(String planId);

    long countByPlanId(String planId);
}
