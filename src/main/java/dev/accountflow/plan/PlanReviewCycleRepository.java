package dev.accountflow.plan;

import org.springframework.data.jpa.repository.JpaRepository;

interface PlanReviewCycleRepository extends JpaRepository<PlanReviewCycle, String> {
}
