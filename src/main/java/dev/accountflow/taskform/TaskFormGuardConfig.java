package dev.accountflow.taskform;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class TaskFormGuardConfig {

    /** After Spring Security (who is asking is known), before the engine's own REST filters and resources. */
    @Bean
    FilterRegistrationBean<TaskCompletionGuard> taskCompletionGuard(TaskForms forms, ObjectMapper json) {
        FilterRegistrationBean<TaskCompletionGuard> registration =
                new FilterRegistrationBean<>(new TaskCompletionGuard(forms, json));
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setOrder(100);
        return registration;
    }
}
