package dev.accountflow.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

class JobThreadsTest {

    @Test
    void oneThreadPerCoreUnlessSetAndNeverFewerThanTwo() {
        assertThat(JobThreads.threads(0, 8)).isEqualTo(8);
        assertThat(JobThreads.threads(0, 1)).isEqualTo(2);
        assertThat(JobThreads.threads(3, 16)).isEqualTo(3);
    }

    @Test
    void aNegativeOrHugeNumberIsRefusedByName() {
        assertThatThrownBy(() -> JobThreads.threads(-1, 2)).hasMessageContaining("accountflow.jobs.threads: -1");
        assertThatThrownBy(() -> JobThreads.threads(10_000, 2)).hasMessageContaining("between 0 (one per core) and 256");
    }

    @Test
    void sizesTheEnginesExecutorAndLeavesOtherExecutorsAndExplicitSettingsAlone() {
        ThreadPoolTaskExecutor engine = new ThreadPoolTaskExecutor();
        engine.setCorePoolSize(4);
        engine.setMaxPoolSize(8);
        new JobThreads(new MockEnvironment().withProperty("accountflow.jobs.threads", "3"))
                .postProcessBeforeInitialization(engine, JobThreads.ENGINE_EXECUTOR);
        assertThat(engine.getCorePoolSize()).isEqualTo(3);
        assertThat(engine.getMaxPoolSize()).isEqualTo(3);

        ThreadPoolTaskExecutor other = new ThreadPoolTaskExecutor();
        other.setCorePoolSize(4);
        new JobThreads(new MockEnvironment()).postProcessBeforeInitialization(other, "applicationTaskExecutor");
        assertThat(other.getCorePoolSize()).isEqualTo(4);

        ThreadPoolTaskExecutor explicit = new ThreadPoolTaskExecutor();
        explicit.setCorePoolSize(6);
        new JobThreads(new MockEnvironment().withProperty("camunda.bpm.job-execution.core-pool-size", "6"))
                .postProcessBeforeInitialization(explicit, JobThreads.ENGINE_EXECUTOR);
        assertThat(explicit.getCorePoolSize()).isEqualTo(6);
    }
}
