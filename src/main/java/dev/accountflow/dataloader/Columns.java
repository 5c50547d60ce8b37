package dev.accountflow.dataloader;

/** Column names as Salesforce spells them (compared ignoring case: Data Loader writes its headers in capitals). */
final class Columns {

    static final String ID = "Id";
    /** The AccountFlow id of a record made in AccountFlow: an external-id field on the Salesforce side. */
    static final String ACCOUNTFLOW_ID = "AccountFlow_Id__c";
    static final String NAME = "Name";
    static final String INDUSTRY = "Industry";
    static final String TERRITORY = "Territory__c";
    static final String TIER = "Tier__c";
    static final String OWNER_ID = "OwnerId";
    static final String ACCOUNT_ID = "AccountId";
    static final String FIRST_NAME = "FirstName";
    static final String LAST_NAME = "LastName";
    static final String EMAIL = "Email";
    static final String ROLE = "Role__c";
    static final String LAST_ACTIVITY_DATE = "LastActivityDate";
    static final String SUBSCRIPTION_ACCOUNT = "Account__c";
    static final String PRODUCT = "Product__c";
    static final String ARR = "ARR__c";
    static final String START_DATE = "Start_Date__c";
    static final String END_DATE = "End_Date__c";
    static final String STATUS = "Status__c";
    static final String STAGE_NAME = "StageName";
    static final String AMOUNT = "Amount";
    static final String CLOSE_DATE = "CloseDate";
    static final String PROBABILITY = "Probability";
    static final String FORECAST_CATEGORY = "ForecastCategoryName";
    static final String TYPE = "Type";

    private Columns() {
    }
}
