package dev.accountflow.dataloader;

import dev.accountflow.security.CurrentUser;
import dev.accountflow.web.ApiException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The page /import: export buttons for everyone (each person's book), and for sales managers a file picker with a
 * preview of the first rows and how the file's columns map to AccountFlow, then the answer of the import.
 */
@Controller
class ImportPage {

    /** What each column becomes in AccountFlow, as the page and the README explain it. */
    record Mapping(String column, String field, boolean required) {
    }

    record KindView(String path, String salesforceObject, List<Mapping> columns) {
    }

    private static final Map<String, String> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put(Columns.ID, "Salesforce Id, kept as the record's external id (empty for a record made in AccountFlow)");
        FIELDS.put(Columns.ACCOUNTFLOW_ID, "AccountFlow id of a record made in AccountFlow (optional)");
        FIELDS.put(Columns.NAME, "name");
        FIELDS.put(Columns.INDUSTRY, "vertical: Healthcare, Financial Services (also Banking, Finance), Insurance; any other → Other");
        FIELDS.put(Columns.TERRITORY, "territory, e.g. NORTHEAST");
        FIELDS.put(Columns.TIER, "tier: Strategic, Enterprise, Growth");
        FIELDS.put(Columns.OWNER_ID, "owner: an AccountFlow user id or a mapped Salesforce user Id");
        FIELDS.put(Columns.ACCOUNT_ID, "account: its Salesforce Id or AccountFlow id");
        FIELDS.put(Columns.FIRST_NAME, "first name");
        FIELDS.put(Columns.LAST_NAME, "last name");
        FIELDS.put(Columns.EMAIL, "e-mail");
        FIELDS.put(Columns.ROLE, "role: " + ContactImport.ROLE_VALUES);
        FIELDS.put(Columns.LAST_ACTIVITY_DATE, "last engaged (date)");
        FIELDS.put(Columns.SUBSCRIPTION_ACCOUNT, "account: its Salesforce Id or AccountFlow id");
        FIELDS.put(Columns.PRODUCT, "product");
        FIELDS.put(Columns.ARR, "ARR (decimal, at most 2 decimals)");
        FIELDS.put(Columns.START_DATE, "start date (yyyy-mm-dd)");
        FIELDS.put(Columns.END_DATE, "end date (yyyy-mm-dd)");
        FIELDS.put(Columns.STATUS, "status (exported only; renewals set it)");
        FIELDS.put(Columns.TYPE, "type: Renewal, Expansion, New Business (empty → New Business)");
        FIELDS.put(Columns.STAGE_NAME, "stage: " + OpportunityImport.STAGE_VALUES);
        FIELDS.put(Columns.AMOUNT, "amount (zero or more, at most 2 decimals)");
        FIELDS.put(Columns.CLOSE_DATE, "close date (yyyy-mm-dd)");
        FIELDS.put(Columns.PROBABILITY, "probability 0–100 (empty → the stage's)");
        FIELDS.put(Columns.FORECAST_CATEGORY, "forecast category: Pipeline, Best Case, Commit, Closed, Omitted (empty → the stage's)");
    }

    private final CsvImport imports;

    ImportPage(CsvImport imports) {
        this.imports = imports;
    }

    static List<KindView> kinds() {
        return Arrays.stream(RecordKind.values()).map(kind -> new KindView(kind.path, kind.salesforceObject,
                kind.columns.stream().map(c -> new Mapping(c, FIELDS.get(c), kind.required.contains(c))).toList()))
                .toList();
    }

    @GetMapping("/import")
    String page(Model model) {
        addUser(model);
        return "import/page";
    }

    @PostMapping("/import")
    @PreAuthorize(DataLoaderController.SALES_MANAGERS)
    String upload(@RequestParam("kind") String kind, @RequestParam("file") MultipartFile file, Model model,
                  HttpServletResponse response) throws IOException {
        addUser(model);
        RecordKind records;
        try {
            records = RecordKind.ofPath(kind);
        } catch (IllegalArgumentException unknown) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("refusal", "Choose what the file holds: accounts, contacts, subscriptions or opportunities");
            model.addAttribute("problems", List.of());
            return "import/page";
        }
        model.addAttribute("kind", records.path);
        try (InputStream in = file.getInputStream()) {
            model.addAttribute("result", imports.importFile(records, in));
        } catch (ApiException refused) {
            response.setStatus(refused.status().value());
            model.addAttribute("refusal", refused.getMessage());
            model.addAttribute("problems", refused.details());
        }
        model.addAttribute("fileName", file.getOriginalFilename());
        return "import/page";
    }

    private static void addUser(Model model) {
        CurrentUser user = CurrentUser.get();
        model.addAttribute("userId", user.userId());
        model.addAttribute("canImport", user.isIn(CurrentUser.SALES_MANAGERS));
        model.addAttribute("wholeBook", user.seesWholeBook());
        model.addAttribute("kinds", kinds());
    }
}
