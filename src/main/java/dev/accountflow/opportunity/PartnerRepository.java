package dev.accountflow.opportunity;

import org.springframework.data.jpa.repository.JpaRepository;

interface PartnerRepository extends JpaRepository<Partner, String> {
}
