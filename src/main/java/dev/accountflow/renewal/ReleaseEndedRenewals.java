package dev.accountflow.renewal;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * However a renewal process ends — outcome recorded, cancelled in Cockpit (even skipping listeners), deleted over
 * the API — its live renewal is released and the subscription put back where the kick-off sees it. A history event
 * handler, because the engine writes the end of every process instance to history whichever way it ends.
 */
@Component
class ReleaseEndedRenewals extends AbstractProcessEnginePlugin {

    private final ObjectProvider<RenewalService> renewals;

    ReleaseEndedRenewals(ObjectProvider<RenewalService> renewals) {
        this.renewals = renewals;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
        handlers.add(new HistoryEventHandler() {
            @Override
            public void handleEvent(HistoryEvent event) {
                if (event instanceof HistoricProcessInstanceEventEntity ended
                        && HistoryEventTypes.PROCESS_INSTANCE_END.getEventName().equals(ended.getEventType())
                        && RenewalWindow.PROCESS_KEY.equals(ended.getProcessDefinitionKey())) {
                    renewals.getObject().releaseEnded(ended.getProcessInstanceId(), ended.getBusinessKey());
                }
            }

            @Override
            public void handleEvents(List<HistoryEvent> events) {
                events.forEach(this::handleEvent);
            }
        });
        configuration.setCustomHistoryEventHandlers(handlers);
    }
}
