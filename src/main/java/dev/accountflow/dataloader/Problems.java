package dev.accountflow.dataloader;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Every problem found in a file, each naming its row (counting the header as row 1), Salesforce Id and field. */
final class Problems {

    /** More than this many are counted, not listed: the answer stays readable for a file that is wrong throughout. */
    static final int LISTED = 1000;

    private final List<String> listed = new ArrayList<>();
    private long count;

    void add(String problem) {
        count++;
        if (listed.size() < LISTED) {
            listed.add(problem);
        }
    }

    void add(long row, String id, String field, String what) {
        add("row " + row + (id == null || id.isEmpty() ? "" : " (Id " + id + ")") + ": " + field + ": " + what);
    }

    boolean any() {
        return count > 0;
    }

    long count() {
        return count;
    }

    List<String> details() {
        List<String> details = new ArrayList<>(listed);
        if (count > listed.size()) {
            details.add(String.format(Locale.ROOT, "… and %,d more problems", count - listed.size()));
        }
        return details;
    }
}
