package dev.accountflow.dataloader;

import java.util.Locale;
import java.util.regex.Pattern;

/** Salesforce record ids: 15 characters (case-sensitive) or 18 (the same with a case checksum); kept as 18. */
final class SalesforceId {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9]{15}|[A-Za-z0-9]{18}");
    private static final String SUFFIX_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

    private SalesforceId() {
    }

    static boolean looksLikeOne(String value) {
        return value != null && SHAPE.matcher(value).matches();
    }

    /** The 18-character form (its checksum upper-cased, as Salesforce writes it), or null if the value is not an id. */
    static String normalize(String value) {
        if (!looksLikeOne(value)) {
            return null;
        }
        if (value.length() == 18) {
            return value.substring(0, 15) + value.substring(15).toUpperCase(Locale.ROOT);
        }
        StringBuilder id = new StringBuilder(value);
        for (int chunk = 0; chunk < 3; chunk++) {
            int bits = 0;
            for (int i = 0; i < 5; i++) {
                char c = value.charAt(chunk * 5 + i);
                if (c >= 'A' && c <= 'Z') {
                    bits |= 1 << i;
                }
            }
            id.append(SUFFIX_CHARS.charAt(bits));
        }
        return id.toString();
    }
}
