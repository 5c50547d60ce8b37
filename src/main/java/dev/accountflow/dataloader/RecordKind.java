package dev.accountflow.dataloader;

import java.util.List;

/** The four files AccountFlow takes in and gives back: their Salesforce object and columns. */
enum RecordKind {

    ACCOUNTS("accounts", "Account",
            List.of(Columns.ID, Columns.NAME, Columns.TERRITORY, Columns.TIER),
            List.of(Columns.ID, Columns.ACCOUNTFLOW_ID, Columns.NAME, Columns.INDUSTRY, Columns.TERRITORY, Columns.TIER,
                    Columns.OWNER_ID)),
    CONTACTS("contacts", "Contact",
            List.of(Columns.ID, Columns.ACCOUNT_ID, Columns.LAST_NAME, Columns.ROLE),
            List.of(Columns.ID, Columns.ACCOUNTFLOW_ID, Columns.ACCOUNT_ID, Columns.FIRST_NAME, Columns.LAST_NAME,
                    Columns.EMAIL, Columns.ROLE, Columns.LAST_ACTIVITY_DATE)),
    SUBSCRIPTIONS("subscriptions", "Subscription__c",
            List.of(Columns.ID, Columns.SUBSCRIPTION_ACCOUNT, Columns.PRODUCT, Columns.ARR, Columns.START_DATE,
                    Columns.END_DATE),
            List.of(Columns.ID, Columns.ACCOUNTFLOW_ID, Columns.SUBSCRIPTION_ACCOUNT, Columns.PRODUCT, Columns.ARR,
                    Columns.START_DATE, Columns.END_DATE, Columns.STATUS)),
    OPPORTUNITIES("opportunities", "Opportunity",
            List.of(Columns.ID, Columns.ACCOUNT_ID, Columns.NAME, Columns.STAGE_NAME, Columns.AMOUNT, Columns.CLOSE_DATE),
            List.of(Columns.ID, Columns.ACCOUNTFLOW_ID, Columns.ACCOUNT_ID, Columns.NAME, Columns.TYPE,
                    Columns.STAGE_NAME, Columns.AMOUNT, Columns.CLOSE_DATE, Columns.PROBABILITY,
                    Columns.FORECAST_CATEGORY, Columns.OWNER_ID));

    /** The path segment: /api/import/accounts. */
    final String path;
    final String salesforceObject;
    /** Columns a file must have (a cell may still be empty where the column allows it). */
    final List<String> required;
    /** Every column AccountFlow reads, in export order; other columns of a file are ignored. */
    final List<String> columns;

    RecordKind(String path, String salesforceObject, List<String> required, List<String> columns) {
        this.path = path;
        this.salesforceObject = salesforceObject;
        this.required = required;
        this.columns = columns;
    }

    static RecordKind ofPath(String path) {
        for (RecordKind kind : values()) {
            if (kind.path.equals(path)) {
                return kind;
            }
        }
        throw new IllegalArgumentException(path);
    }
}
