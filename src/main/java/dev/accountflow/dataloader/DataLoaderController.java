package dev.accountflow.dataloader;

import dev.accountflow.security.CurrentUser;
import dev.accountflow.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Salesforce Data Loader CSV in (sales managers) and out (each person's book). */
@Tag(name = "Import/Export")
@RestController
class DataLoaderController {

    static final String KINDS = "{kind:accounts|contacts|subscriptions|opportunities}";
    static final String SALES_MANAGERS = "hasRole('sales-managers')";

    private final CsvImport imports;
    private final CsvExport exports;
    private final DataLoaderProperties properties;

    DataLoaderController(CsvImport imports, CsvExport exports, DataLoaderProperties properties) {
        this.imports = imports;
        this.exports = exports;
        this.properties = properties;
    }

    @Operation(operationId = "importCsv", summary = "Import a Salesforce Data Loader CSV file",
            description = "accounts, contacts, subscriptions or opportunities; as the body (text/csv) or an uploaded "
                    + "file. Rows at fault are named by line; nothing is half written.")
    @PostMapping(path = "/api/import/" + KINDS, consumes = "text/csv")
    @PreAuthorize(SALES_MANAGERS)
    CsvImport.Result importCsv(@PathVariable String kind, HttpServletRequest request) throws IOException {
        try (InputStream body = FileTooLarge.limited(request.getInputStream(), properties.maxFileSize().toBytes())) {
            try {
                return imports.importFile(RecordKind.ofPath(kind), body);
            } catch (ApiException refused) {
                // read to the end so the client, still sending, gets the answer instead of a reset connection
                drain(body);
                throw refused;
            }
        }
    }

    private static void drain(InputStream body) {
        try {
            body.transferTo(OutputStream.nullOutputStream());
        } catch (IOException tooLargeOrGone) {
            // past the size limit or the client gave up: the connection closes, as it would have
        }
    }

    @Operation(operationId = "importCsvUpload", summary = "Import an uploaded Salesforce Data Loader CSV file")
    @PostMapping(path = "/api/import/" + KINDS, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(SALES_MANAGERS)
    CsvImport.Result importUpload(@PathVariable String kind, @RequestParam("file") MultipartFile file)
            throws IOException {
        try (InputStream body = file.getInputStream()) {
            return imports.importFile(RecordKind.ofPath(kind), body);
        }
    }

    @Operation(operationId = "exportCsv", summary = "Export as a Salesforce Data Loader CSV file")
    @GetMapping(path = "/api/export/" + KINDS)
    void export(@PathVariable String kind, HttpServletResponse response) throws IOException {
        RecordKind records = RecordKind.ofPath(kind);
        response.setContentType("text/csv");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Disposition", "attachment; filename=\"accountflow-" + records.path + "-"
                + LocalDate.now() + ".csv\"");
        exports.export(records, CurrentUser.get(), response.getOutputStream());
    }
}
