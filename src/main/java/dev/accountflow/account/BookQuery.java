package dev.accountflow.account;

import dev.accountflow.web.ApiException;
import java.util.Locale;
import java.util.Map;

/**
 * What a page of the book asks for: page number (from 0), page size (1 to 200), one sort column with its
 * direction, an optional search in the account name, and for managers an optional owner.
 */
public record BookQuery(int page, int size, String sort, boolean descending, String search, String owner) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;
    public static final String DEFAULT_SORT = "name";

    /** The columns a page may be sorted by, as the database orders them. */
    static final Map<String, String> SORTABLE = Map.of(
            "name", "a.name_key",
            "tier", "case a.tier when 'STRATEGIC' then 1 when 'ENTERPRISE' then 2 else 3 end",
            "vertical", "a.vertical",
            "owner", "a.owner_id",
            "arr", "a.live_arr",
            "nextRenewal", "a.next_renewal",
            "daysLeft", "a.next_renewal",
            "health", "a.worst_flag");

    /** Sort columns an account may have no value in (no owner, no live subscription): blanks sort last either way. */
    static final java.util.Set<String> MAY_BE_BLANK = java.util.Set.of("owner", "nextRenewal", "daysLeft");

    /** Reads the request's parameters; anything out of bounds is a 400 naming the parameter. */
    public static BookQuery of(Integer page, Integer size, String sort, String search, String owner) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0 || p > 1_000_000) {
            throw ApiException.badRequest("Invalid request: page: must be between 0 and 1000000",
                    "page: must be between 0 and 1000000");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw ApiException.badRequest("Invalid request: size: must be between 1 and " + MAX_SIZE,
                    "size: must be between 1 and " + MAX_SIZE);
        }
        String column = DEFAULT_SORT;
        boolean descending = false;
        if (sort != null && !sort.isBlank()) {
            String[] parts = sort.strip().split(",", -1);
            column = parts[0].strip();
            if (!SORTABLE.containsKey(column) || parts.length > 2) {
                throw ApiException.badRequest("Invalid request: sort: '" + sort.strip() + "' is not a sortable column",
                        "sort: one of " + String.join(", ", SORTABLE.keySet().stream().sorted().toList())
                                + ", optionally followed by ,asc or ,desc");
            }
            if (parts.length == 2) {
                String direction = parts[1].strip().toLowerCase(Locale.ROOT);
                if (!direction.equals("asc") && !direction.equals("desc")) {
                    throw ApiException.badRequest("Invalid request: sort: direction must be asc or desc",
                            "sort: direction must be asc or desc");
                }
                descending = direction.equals("desc");
            }
        }
        String q = search == null || search.isBlank() ? null : search.strip();
        if (q != null && (q.length() > 200 || q.chars().anyMatch(Character::isISOControl))) {
            throw ApiException.badRequest("Invalid request: q: at most 200 characters, no control characters",
                    "q: at most 200 characters, no control characters");
        }
        String o = owner == null || owner.isBlank() ? null : owner.strip();
        return new BookQuery(p, s, column, descending, q, o);
    }

    BookQuery withOwner(String who) {
        return new BookQuery(page, size, sort, descending, search, who);
    }

    /** The search as a LIKE pattern on the lower-cased name: %, _ and \ typed by a person match themselves. */
    String namePattern() {
        if (search == null) {
            return null;
        }
        String escaped = search.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    /** The sort as the query string writes it, e.g. {@code daysLeft,desc}. */
    public String sortParameter() {
        return sort + (descending ? ",desc" : ",asc");
    }
}
