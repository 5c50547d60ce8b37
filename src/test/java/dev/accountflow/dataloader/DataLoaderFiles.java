package dev.accountflow.dataloader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/** Test files in Data Loader's shape, and fresh Salesforce Ids so tests sharing a database never meet. */
final class DataLoaderFiles {

    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private DataLoaderFiles() {
    }

    /** A fresh 18-character Salesforce Id with the given key prefix (001 accounts, 003 contacts, 006 opportunities). */
    static String newId(String prefix) {
        Random random = ThreadLocalRandom.current();
        StringBuilder id = new StringBuilder(prefix);
        while (id.length() < 15) {
            id.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return SalesforceId.normalize(id.toString());
    }

    /** Lines joined with CRLF, as Data Loader ends them. */
    static byte[] csv(String... lines) {
        return (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] fixture(String name) {
        try (InputStream in = DataLoaderFiles.class.getResourceAsStream("/dataloader/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
