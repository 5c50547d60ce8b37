package dev.accountflow.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class BusinessEventsTest {

    @Test
    void aFactNamedLikeAFieldOfTheJsonLineIsRefusedSoNoLineIsLost() {
        // the ECS line has a "process" object (pid, thread): a second "process" made the appender drop the line
        assertThatThrownBy(() -> BusinessEvents.record("run done", "p-1", "k-1", BusinessEvents.SYSTEM,
                "process", "renewal-kickoff")).hasMessageContaining("'process'");
        assertThatThrownBy(() -> BusinessEvents.record("run done", "p-1", "k-1", BusinessEvents.SYSTEM,
                "message", "x")).hasMessageContaining("'message'");
    }

    @Test
    void otherFactsTravelAsKeyValuePairsAndInTheText() {
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        Logger events = (Logger) LoggerFactory.getLogger(BusinessEvents.LOGGER);
        events.addAppender(lines);
        try {
            BusinessEvents.record("run done", "p-1", "k-1", BusinessEvents.SYSTEM, "processKey", "renewal-kickoff",
                    "seconds", 12);
        } finally {
            events.detachAppender(lines);
        }
        assertThat(lines.list).singleElement().satisfies(line -> {
            assertThat(line.getFormattedMessage()).isEqualTo("run done: process instance p-1, business key k-1, "
                    + "user system, processKey=renewal-kickoff, seconds=12");
            assertThat(line.getKeyValuePairs()).extracting(p -> p.key).contains("processKey", "seconds");
        });
    }
}
