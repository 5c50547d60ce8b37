package dev.accountflow.security;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Refuses to start with a webapps admin whose password is empty or equal to its id, outside the demo profile. */
@Component
class AdminPasswordGuard implements InitializingBean {

    private final Environment environment;

    AdminPasswordGuard(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void afterPropertiesSet() {
        String id = environment.getProperty("camunda.bpm.admin-user.id");
        if (id == null || id.isBlank()) {
            return;
        }
        String password = environment.getProperty("camunda.bpm.admin-user.password");
        boolean demo = environment.getProperty("accountflow.demo.enabled", Boolean.class, false);
        if (!demo && (password == null || password.isBlank() || password.equals(id))) {
            throw new IllegalStateException("camunda.bpm.admin-user.password must be set, and differ from the user id '"
                    + id + "', outside the demo profile");
        }
    }
}
