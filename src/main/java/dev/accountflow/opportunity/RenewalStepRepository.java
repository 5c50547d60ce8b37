package dev.accountflow.opportunity;

import org.springframework.data.jpa.repository.JpaRepository;

interface RenewalStepRepository extends JpaRepository<RenewalStep, String> {
}
