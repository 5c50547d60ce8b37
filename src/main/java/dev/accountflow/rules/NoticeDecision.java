package dev.accountflow.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Who the notification rules tell, when, and why; a person told "now" is not told again in the digest. */
public class NoticeDecision {

    public static final String NOW = "NOW";
    public static final String DIGEST = "DIGEST";

    private final Map<String, Tell> told = new LinkedHashMap<>();

    public void tell(String recipient, String timing, String reason, String ruleName) {
        Tell earlier = told.get(recipient);
        if (earlier == null || (NOW.equals(timing) && !NOW.equals(earlier.timing()))) {
            told.put(recipient, new Tell(recipient, timing, reason, ruleName));
        }
    }

    public List<Tell> getTold() {
        return new ArrayList<>(told.values());
    }

    public List<String> recipients(String timing) {
        return told.values().stream().filter(t -> t.timing().equals(timing)).map(Tell::recipient).sorted().toList();
    }

    /** One recipient (OWNER, or a group such as SALES_MANAGERS), now or in the digest, by which row. */
    public record Tell(String recipient, String timing, String reason, String ruleName) {
    }
}
