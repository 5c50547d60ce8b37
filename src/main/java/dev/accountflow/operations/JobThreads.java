package dev.accountflow.operations;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Sizes the engine's job threads to the node: AccountFlow's jobs (sweep pages, timers, async steps) are rule and
 * database work, not waiting, so more threads than cores only make them fight for the CPU (on 2 cores, 8 sweep
 * threads took 4.3 s where 2 took 2.9 s). {@code accountflow.jobs.threads} sets the number; 0, the default, means one
 * per core, at least 2. An explicit {@code camunda.bpm.job-execution.core-pool-size} still wins.
 */
@Component
class JobThreads implements BeanPostProcessor {

    static final String ENGINE_EXECUTOR = "camundaTaskExecutor";

    private final Environment environment;

    JobThreads(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) throws BeansException {
        if (ENGINE_EXECUTOR.equals(beanName) && bean instanceof ThreadPoolTaskExecutor executor
                && !environment.containsProperty("camunda.bpm.job-execution.core-pool-size")) {
            int threads = threads(environment.getProperty("accountflow.jobs.threads", Integer.class, 0),
                    Runtime.getRuntime().availableProcessors());
            executor.setCorePoolSize(threads);
            executor.setMaxPoolSize(threads);
        }
        return bean;
    }

    static int threads(int configured, int cores) {
        if (configured < 0 || configured > 256) {
            throw new IllegalArgumentException("accountflow.jobs.threads: " + configured
                    + " is not between 0 (one per core) and 256 threads");
        }
        return configured > 0 ? configured : Math.max(2, cores);
    }
}
