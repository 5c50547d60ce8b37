package dev.accountflow.renewal;

import org.springframework.data.jpa.repository.JpaRepository;

interface LiveRenewalRepository extends JpaRepository<LiveRenewal, String> {
}
