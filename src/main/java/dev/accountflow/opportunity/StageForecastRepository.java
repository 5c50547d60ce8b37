package dev.accountflow.opportunity;

import org.springframework.data.jpa.repository.JpaRepository;

interface StageForecastRepository extends JpaRepository<StageForecast, Stage> {
}
