package dev.accountflow.taskform;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class TaskFormGuardConfig {

    /**
     * After Spring Security (who is asking is known) and after the filter that hides other people's tasks (order
     * 103), so a task the caller may not see answers 404 here too, never a 403 that confirms it exists.
     */
    @Bean
    FilterRegistrationBean<TaskCompletionGuard> taskCompletionGuard(TaskForms forms, ObjectMapper json,
                                                                    java.util.List<StartFormCheck> startChecks) {
        FilterRegistrationBean<TaskCompletionGuard> registration =
                new FilterRegistrationBean<>(new TaskCompletionGuard(forms, json, startChecks));
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setOrder(104);
        return registration;
    }
}
