package dev.accountflow.rulesets;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accountflow.rules.RuleProblem;
import dev.accountflow.rules.RuleSetDeclaration;
import dev.accountflow.rules.RuleTemplate;
import dev.accountflow.rules.TableColumn;
import dev.accountflow.rules.TableRow;
import dev.accountflow.security.CurrentUser;
import dev.accountflow.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rule management: everyone signed in may read every version; only rule authors ({@link RuleAuthors}) may check,
 * test, simulate or change rules, because each of those compiles or runs rule code.
 */
@Tag(name = "Rules")
@RestController
@RequestMapping("/api/rule-sets")
class RuleSetController {

    private final RuleSetService ruleSets;
    private final RuleSimulation simulation;
    private final Scenarios scenarios;
    private final BoundaryScenarios boundaries;

    RuleSetController(RuleSetService ruleSets, RuleSimulation simulation, Scenarios scenarios,
                      BoundaryScenarios boundaries) {
        this.boundaries = boundaries;
        this.ruleSets = ruleSets;
        this.simulation = simulation;
        this.scenarios = scenarios;
    }

    record RuleSetSummary(String name, String description, int activeVersion, String activeAuthor,
                          String activeComment, Instant activePublishedAt, int latestVersion, int versionCount) {
    }

    record VersionSummary(int version, RuleSetStatus status, String author, String comment, Integer basedOn,
                          Instant createdAt, Instant publishedAt) {
        static VersionSummary of(RuleSetVersion v) {
            return new VersionSummary(v.getVersion(), v.getStatus(), v.getAuthor(), v.getComment(), v.getBasedOn(),
                    v.getCreatedAt(), v.getPublishedAt());
        }
    }

    record VersionDetail(int version, RuleSetStatus status, String author, String comment, Integer basedOn,
                         Instant createdAt, Instant publishedAt, String drl) {
        static VersionDetail of(RuleSetVersion v) {
            return new VersionDetail(v.getVersion(), v.getStatus(), v.getAuthor(), v.getComment(), v.getBasedOn(),
                    v.getCreatedAt(), v.getPublishedAt(), v.getDrl());
        }
    }

    record ScenarioView(String id, String name, Map<String, Object> facts, Map<String, Object> expected, String author) {
    }

    record RuleSetDetail(String name, String description, int activeVersion, int latestVersion, String drl,
                         List<VersionSummary> versions, List<ScenarioView> scenarios, Map<String, Object> factsTemplate,
                         Map<String, Object> expectedTemplate) {
    }

    record DrlRequest(String drl) {
    }

    record DraftRequest(String drl, String comment, Integer baseVersion, List<RowRequest> rows, String template) {
    }

    // cells stay JSON values here so that a number, a word, yes/no or blank all arrive as what was typed
    record RowRequest(String name, Map<String, JsonNode> cells) {
    }

    record RowView(String name, String ruleName, Map<String, String> cells) {
    }

    record TableView(String ruleSet, int version, RuleSetStatus status, List<TableColumn> columns,
                     Map<String, String> namePlaceholders, List<RowView> rows) {
    }

    record Imported(int version, boolean unchanged, String comment) {
    }

    record RestoreRequest(String comment) {
    }

    // facts and expected stay JSON trees here so that null, a list or a number is answered as a field problem
    record ScenarioRequest(String name, JsonNode facts, JsonNode expected) {
    }

    record Validation(boolean valid, List<RuleProblem> problems) {
    }

    record TestRun(boolean passed, List<ScenarioResult> results) {
    }

    record Published(String name, int activeVersion) {
    }

    record Restored(int version, int activeVersion) {
    }

    record Diff(int from, int to, List<LineDiff.Line> lines, List<String> rows) {
    }

    record ProblemsError(String error, List<String> details, List<RuleProblem> problems) {
    }

    @Operation(operationId = "listRuleSets", summary = "List the rule sets with their active versions")
    @GetMapping
    List<RuleSetSummary> list() {
        return ruleSets.all().stream().map(r -> {
            List<RuleSetVersion> history = ruleSets.history(r.getName());
            RuleSetVersion active = history.stream().filter(v -> v.getVersion() == r.getActiveVersion()).findFirst()
                    .orElseThrow();
            return new RuleSetSummary(r.getName(), r.getDescription(), r.getActiveVersion(), active.getAuthor(),
                    active.getComment(), active.getPublishedAt(), history.get(0).getVersion(), history.size());
        }).toList();
    }

    @Operation(operationId = "getRuleSet", summary = "Read a rule set and its history",
            description = "As JSON; with Accept: text/plain, the active version's DRL.")
    @GetMapping("/{name}")
    RuleSetDetail get(@PathVariable String name) {
        RuleSetRecord record = ruleSets.ruleSet(name);
        List<RuleSetVersion> history = ruleSets.history(name);
        var kind = ruleSets.kind(name);
        return new RuleSetDetail(name, record.getDescription(), record.getActiveVersion(), history.get(0).getVersion(),
                ruleSets.active(name).getDrl(), history.stream().map(VersionSummary::of).toList(),
                ruleSets.scenariosOf(name).stream().map(this::view).toList(),
                kind.map(RuleSetDeclaration::factsTemplate).orElse(Map.of()),
                kind.map(RuleSetDeclaration::expectedTemplate).orElse(Map.of()));
    }

    /** The active DRL as plain text, to commit back into rules/. */
    @Operation(operationId = "getActiveDrl", summary = "Read the active version's DRL")
    @GetMapping(value = "/{name}", produces = MediaType.TEXT_PLAIN_VALUE)
    String activeDrl(@PathVariable String name) {
        return ruleSets.active(name).getDrl();
    }

    @Operation(operationId = "getRuleSetVersion", summary = "Read one version of a rule set")
    @GetMapping("/{name}/versions/{version}")
    VersionDetail version(@PathVariable String name, @PathVariable int version) {
        return VersionDetail.of(ruleSets.version(name, version));
    }

    @Operation(operationId = "validateDrl", summary = "Check DRL without saving it",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                examples = @ExampleObject(value = """
                        {
                          "drl": "package rules.health;\\n\\nrule usage_drop_noop when then end"
                        }
                        """))))
    @PostMapping("/{name}/validate")
    @PreAuthorize(RuleAuthors.ONLY)
    Validation validate(@PathVariable String name, @RequestBody DrlRequest request) {
        List<RuleProblem> problems = ruleSets.validate(name, request.drl());
        return new Validation(problems.isEmpty(), problems);
    }

    @Operation(operationId = "saveDraft", summary = "Save a draft version",
            description = "From table rows (rule tables) or DRL; baseVersion guards against overwriting a "
                    + "colleague's draft.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                examples = @ExampleObject(value = """
                        {
                          "comment": "Lower the usage-drop threshold",
                          "baseVersion": 3,
                          "rows": [
                            {
                              "name": "usage-drop",
                              "cells": {
                                "minDropPct": 20,
                                "severity": "HIGH"
                              }
                            }
                          ]
                        }
                        """))))
    @PostMapping("/{name}/versions")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(RuleAuthors.ONLY)
    VersionDetail saveDraft(@PathVariable String name, @RequestBody DraftRequest request) {
        CurrentUser user = CurrentUser.get();
        if (request.template() != null) {
            if (request.rows() != null || request.drl() != null) {
                throw ApiException.badRequest("Invalid request: send a template on its own; it is compiled with the"
                        + " active version's rows", "template: not allowed together with rows or drl");
            }
            if (!RuleAuthors.writeCode(user)) {
                throw ApiException.forbidden("Rule templates are code, kept by the rule-developers group");
            }
            return VersionDetail.of(ruleSets.saveTemplateDraft(name, request.template(), request.comment(),
                    request.baseVersion(), user.userId()));
        }
        if (request.rows() != null) {
            if (request.drl() != null) {
                throw ApiException.badRequest("Invalid request: send either rows (a table) or drl (rule code), not both",
                        "drl: not allowed together with rows");
            }
            return VersionDetail.of(ruleSets.saveTableDraft(name, rows(request.rows()), request.comment(),
                    request.baseVersion(), user.userId()));
        }
        if (ruleSets.hasTable(name) && !RuleAuthors.writeCode(user)) {
            throw ApiException.forbidden("The rules of '" + name + "' are a table: edit its rows (rule code is kept by"
                    + " the rule-developers group)");
        }
        return VersionDetail.of(ruleSets.saveDraft(name, request.drl(), request.comment(), request.baseVersion(),
                user.userId()));
    }

    /** The rule template a version was compiled with: code, for rule developers only. */
    @Operation(operationId = "getRuleTemplate", summary = "Read the DRL template behind a rule table",
            description = "Rule developers only.")
    @GetMapping(value = "/{name}/versions/{version}/template", produces = MediaType.TEXT_PLAIN_VALUE)
    String template(@PathVariable String name, @PathVariable int version) {
        if (!RuleAuthors.writeCode(CurrentUser.get())) {
            throw ApiException.forbidden("Rule templates are code, kept by the rule-developers group");
        }
        return ruleSets.templateTextOf(name, version);
    }

    /** The active version as a table. */
    @Operation(operationId = "getActiveTable", summary = "Read the active version as a table")
    @GetMapping("/{name}/table")
    TableView activeTable(@PathVariable String name) {
        return table(name, ruleSets.ruleSet(name).getActiveVersion());
    }

    @Operation(operationId = "getVersionTable", summary = "Read a version as a table")
    @GetMapping("/{name}/versions/{version}/table")
    TableView table(@PathVariable String name, @PathVariable int version) {
        RuleTemplate template = ruleSets.templateOf(name);
        List<TableRow> rows = ruleSets.tableOf(name, version);
        return new TableView(name, version, ruleSets.version(name, version).getStatus(), template.columns(),
                template.placeholderSources(),
                rows.stream().map(r -> new RowView(r.name(), template.ruleName(r), r.cells())).toList());
    }

    @Operation(operationId = "downloadWorkbook", summary = "Download a version as an Excel workbook")
    @GetMapping(value = "/{name}/versions/{version}/table.xlsx", produces = Workbooks.XLSX)
    ResponseEntity<byte[]> tableWorkbook(@PathVariable String name, @PathVariable int version) {
        byte[] workbook = Workbooks.write(ruleSets.templateOf(name), ruleSets.tableOf(name, version),
                version);
        return ResponseEntity.ok().header("Content-Disposition",
                        "attachment; filename=\"" + name + "-v" + version + ".xlsx\"")
                .contentType(MediaType.parseMediaType(Workbooks.XLSX)).body(workbook);
    }

    /**
     * A table edited in Excel, as a new draft: only the data rows are read, every cell is checked as in the page, and
     * a workbook that says the same as its base version stores nothing.
     */
    @Operation(operationId = "importWorkbook", summary = "Save a draft from an Excel workbook")
    @PostMapping(value = "/{name}/versions", consumes = Workbooks.XLSX)
    @PreAuthorize(RuleAuthors.ONLY)
    ResponseEntity<Imported> importWorkbook(@PathVariable String name, @RequestBody byte[] workbook,
                                            @RequestParam(required = false) Integer baseVersion,
                                            @RequestParam(required = false) String comment) {
        RuleTemplate template = ruleSets.templateOf(name);
        Workbooks.Upload upload = Workbooks.read(template, workbook);
        List<TableRow> rows = upload.rows();
        int base = baseVersion != null ? baseVersion : ruleSets.latestVersion(name);
        for (Integer same : new Integer[] {upload.sourceVersion(), base}) {
            if (same != null && same <= ruleSets.latestVersion(name) && same > 0
                    && ruleSets.sameAsVersion(name, same, rows)) {
                return ResponseEntity.ok(new Imported(same, true, "The workbook says the same as version " + same
                        + "; nothing was saved"));
            }
        }
        RuleSetVersion saved = ruleSets.saveTableDraft(name, rows,
                comment == null || comment.isBlank() ? "Uploaded from Excel" : comment, base, CurrentUser.get().userId());
        return ResponseEntity.status(HttpStatus.CREATED).body(new Imported(saved.getVersion(), false,
                saved.getComment()));
    }

    @Operation(operationId = "testVersion", summary = "Run a version's scenarios")
    @PostMapping("/{name}/versions/{version}/test")
    @PreAuthorize(RuleAuthors.ONLY)
    TestRun test(@PathVariable String name, @PathVariable int version) {
        List<ScenarioResult> results = ruleSets.test(name, version);
        return new TestRun(results.stream().allMatch(ScenarioResult::passed), results);
    }

    @Operation(operationId = "simulateVersion", summary = "Simulate a version over the book",
            description = "What would change against the active version, read a page of accounts at a time.")
    @PostMapping("/{name}/versions/{version}/simulate")
    @PreAuthorize(RuleAuthors.ONLY)
    SimulationReport simulate(@PathVariable String name, @PathVariable int version) {
        return simulation.simulate(name, version);
    }

    /** Scenarios around every threshold the version changed, with the outcome it decides; nothing is stored. */
    @Operation(operationId = "suggestBoundaryScenarios", summary = "Suggest scenarios at a version's thresholds")
    @PostMapping("/{name}/versions/{version}/boundary-scenarios")
    @PreAuthorize(RuleAuthors.ONLY)
    List<BoundaryScenarios.Suggestion> boundaryScenarios(@PathVariable String name, @PathVariable int version) {
        return boundaries.suggest(name, version);
    }

    @Operation(operationId = "publishVersion", summary = "Publish a version",
            description = "It decides from now on, on every node.")
    @PostMapping("/{name}/versions/{version}/publish")
    @PreAuthorize(RuleAuthors.ONLY)
    Published publish(@PathVariable String name, @PathVariable int version) {
        return new Published(name, ruleSets.publish(name, version));
    }

    @Operation(operationId = "restoreVersion", summary = "Restore an earlier version as a new draft",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                examples = @ExampleObject(value = """
                        {
                          "comment": "Back to the thresholds of October"
                        }
                        """))))
    @PostMapping("/{name}/versions/{version}/restore")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(RuleAuthors.ONLY)
    Restored restore(@PathVariable String name, @PathVariable int version,
                     @RequestBody(required = false) RestoreRequest request) {
        RuleSetVersion restored = ruleSets.restore(name, version, request == null ? null : request.comment(),
                CurrentUser.get().userId());
        return new Restored(restored.getVersion(), ruleSets.ruleSet(name).getActiveVersion());
    }

    @Operation(operationId = "diffVersions", summary = "Compare two versions")
    @GetMapping("/{name}/diff")
    Diff diff(@PathVariable String name, @RequestParam int from, @RequestParam int to) {
        return new Diff(from, to, ruleSets.diff(name, from, to), ruleSets.tableDiff(name, from, to));
    }

    @Operation(operationId = "addScenario", summary = "Add a scenario to a rule set",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                examples = @ExampleObject(value = """
                        {
                          "name": "usage down a quarter flags the account",
                          "facts": {
                            "activeUsersChangePct": -25
                          },
                          "expected": {
                            "flags": [
                              "USAGE_DROP"
                            ]
                          }
                        }
                        """))))
    @PostMapping("/{name}/scenarios")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(RuleAuthors.ONLY)
    ScenarioView addScenario(@PathVariable String name, @RequestBody ScenarioRequest request) {
        return view(ruleSets.addScenario(name, request.name(), request.facts(), request.expected(),
                CurrentUser.get().userId()));
    }

    @Operation(operationId = "deleteScenario", summary = "Delete a scenario")
    @DeleteMapping("/{name}/scenarios/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(RuleAuthors.ONLY)
    void deleteScenario(@PathVariable String name, @PathVariable String id) {
        ruleSets.deleteScenario(name, id);
    }

    @ExceptionHandler(RuleSetService.RuleProblemsException.class)
    ResponseEntity<ProblemsError> problems(RuleSetService.RuleProblemsException e) {
        return ResponseEntity.badRequest().body(new ProblemsError(e.getMessage(), e.details(), e.problems()));
    }

    private static List<TableRow> rows(List<RowRequest> rows) {
        List<TableRow> table = new java.util.ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            RowRequest row = rows.get(i);
            if (row == null) {
                throw ApiException.badRequest("Invalid table: row " + (i + 1) + " is empty", "rows[" + i + "]: is empty");
            }
            Map<String, String> cells = new java.util.LinkedHashMap<>();
            if (row.cells() != null) {
                for (var cell : row.cells().entrySet()) {
                    JsonNode value = cell.getValue();
                    if (value != null && value.isContainerNode()) {
                        String problem = "row " + (i + 1) + ", column '" + cell.getKey() + "': one value, not a list";
                        throw ApiException.badRequest("Invalid table: " + problem, problem);
                    }
                    cells.put(cell.getKey(), value == null || value.isNull() ? "" : value.isBoolean()
                            ? (value.booleanValue() ? "yes" : "no") : value.asText());
                }
            }
            table.add(new TableRow(row.name(), cells));
        }
        return table;
    }

    private ScenarioView view(RuleScenario s) {
        return new ScenarioView(s.getId(), s.getName(), scenarios.readOrNull(s.getFacts()),
                scenarios.readOrNull(s.getExpected()), s.getAuthor());
    }
}
