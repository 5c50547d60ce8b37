package dev.accountflow.dataloader;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * accountflow.dataloader.*: which Salesforce user is which AccountFlow user (Salesforce user Id, 18-character form →
 * AccountFlow user id), how many rows are written per batch, and how large a field, a record and a file may be.
 */
@ConfigurationProperties("accountflow.dataloader")
public record DataLoaderProperties(Map<String, String> salesforceUsers,
                                   @DefaultValue("1000") int batchSize,
                                   @DefaultValue("131072") int maxFieldChars,
                                   @DefaultValue("1000000") int maxRecordChars,
                                   @DefaultValue("200MB") DataSize maxFileSize) {

    public DataLoaderProperties {
        salesforceUsers = salesforceUsers == null ? Map.of() : Map.copyOf(salesforceUsers);
    }
}
