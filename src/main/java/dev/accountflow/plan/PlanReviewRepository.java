package dev.accountflow.plan;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface PlanReviewRepository extends JpaRepository<PlanReview, String> {

    List<PlanReview> findByPlanIdOrderByReviewedAtDesc(String planId);
}
