package dev.accountflow;

import javax.xml.datatype.DatatypeFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class AccountFlowApplication {

    static {
        // the engine asks for a DatatypeFactory at every cycle timer; naming the JDK's own spares a class-path scan each time
        if (System.getProperty(DatatypeFactory.class.getName()) == null) {
            System.setProperty(DatatypeFactory.class.getName(), DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
        }
    }

    public static void main(String[] args) {
        SpringApplication.run(AccountFlowApplication.class, args);
    }
}
