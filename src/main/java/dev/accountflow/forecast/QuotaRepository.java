package dev.accountflow.forecast;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface QuotaRepository extends JpaRepository<Quota, Quota.Key> {

    List<Quota> findByQuarter(String quarter);

    List<Quota> findByQuarterAndUserId(String quarter, String userId);
}
