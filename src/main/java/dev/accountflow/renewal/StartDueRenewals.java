package dev.accountflow.renewal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** renewal-kickoff's Task_StartDueRenewals: the daily engine timer starts renewals that entered the window. */
@Component("renewalKickoff")
class StartDueRenewals implements JavaDelegate {

    private final RenewalWindow kickoff;

    StartDueRenewals(RenewalWindow kickoff) {
        this.kickoff = kickoff;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("started",
                kickoff.startDueRenewals(LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC)));
    }
}
