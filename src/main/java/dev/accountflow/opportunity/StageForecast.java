package dev.accountflow.opportunity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

/** One row of the stage table: the probability and forecast category an opportunity takes in that stage. */
@Entity
class StageForecast {

    @Id
    @Enumerated(EnumType.STRING)
    private Stage stage;
    private int probability;
    @Enumerated(EnumType.STRING)
    @Column(name = "forecast_category")
    private ForecastCategory forecastCategory;
    private Integer renewalProbability;
    @Enumerated(EnumType.STRING)
    private ForecastCategory renewalForecastCategory;

    protected StageForecast() {
    }

    Stage stage() { return stage; }
    int probability() { return probability; }
    ForecastCategory category() { return forecastCategory; }
    // a renewal in this stage; the growth figures when the table gives none for renewals
    int renewalProbability() { return renewalProbability == null ? probability : renewalProbability; }
    ForecastCategory renewalCategory() { return renewalForecastCategory == null ? forecastCategory : renewalForecastCategory; }
}
