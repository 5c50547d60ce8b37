package dev.accountflow.rulesets;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accountflow.rules.CompiledRuleSet;
import dev.accountflow.rules.RuleBook;
import dev.accountflow.rules.RuleSetDeclaration;
import dev.accountflow.rules.RuleCompilationException;
import dev.accountflow.rules.RuleCompiler;
import dev.accountflow.rules.RuleProblem;
import dev.accountflow.rules.InvalidCell;
import dev.accountflow.rules.RuleTemplate;
import dev.accountflow.rules.RuleTextOutOfBounds;
import dev.accountflow.rules.TableColumn;
import dev.accountflow.rules.TableRow;
import dev.accountflow.web.ApiException;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The life of a rule set: drafts that must compile, scenarios that must pass, an atomic publish, restore and diff.
 * The database is the source of truth; {@link RuleBook} serves the active version of each set.
 */
@Service
public class RuleSetService {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final int MAX_COMMENT = 1_000;
    private static final int MAX_SCENARIO_NAME = 200;
    private static final int MAX_TEMPLATE = 200_000;

    private final RuleSetRecordRepository ruleSets;
    private final RuleSetVersionRepository versions;
    private final RuleScenarioRepository scenarios;
    private final Scenarios scenarioRunner;
    private final RuleCompiler compiler;
    private final RuleBook ruleBook;
    private final TransactionTemplate tx;
    private final IdentityService identity;

    RuleSetService(RuleSetRecordRepository ruleSets, RuleSetVersionRepository versions,
                   RuleScenarioRepository scenarios, Scenarios scenarioRunner, RuleCompiler compiler,
                   RuleBook ruleBook, TransactionTemplate tx, IdentityService identity) {
        this.identity = identity;
        this.ruleSets = ruleSets;
        this.versions = versions;
        this.scenarios = scenarios;
        this.scenarioRunner = scenarioRunner;
        this.compiler = compiler;
        this.ruleBook = ruleBook;
        this.tx = tx;
    }

    // --- reading ---

    List<RuleSetRecord> all() {
        return ruleSets.findAllByOrderByName();
    }

    RuleSetRecord ruleSet(String name) {
        return ruleSets.findById(name).orElseThrow(() -> ApiException.notFound("Rule set '" + name + "'"));
    }

    List<RuleSetVersion> history(String name) {
        ruleSet(name);
        return versions.findByRuleSetOrderByVersionDesc(name);
    }

    RuleSetVersion version(String name, int version) {
        return versions.findByRuleSetAndVersion(name, version).orElseThrow(
                () -> ApiException.notFound("Version " + version + " of rule set '" + name + "'"));
    }

    RuleSetVersion active(String name) {
        return version(name, ruleSet(name).getActiveVersion());
    }

    int latestVersion(String name) {
        return versions.latestVersion(name);
    }

    List<RuleScenario> scenariosOf(String name) {
        return scenarios.findByRuleSetOrderByName(name);
    }

    // --- drafting ---

    /** Compiles the text without storing anything or running any rule; the problems name line and column. */
    List<RuleProblem> validate(String name, String drl) {
        ruleSet(name);
        try {
            compiler.compile(name, 0, requireText(drl));
            return List.of();
        } catch (RuleTextOutOfBounds e) {
            throw refused(e);
        } catch (RuleCompilationException e) {
            return e.getProblems();
        }
    }

    /**
     * Saves a new draft version. It must compile, and it must start from the latest version: a manager who edited
     * an older one is told who saved since, instead of silently overwriting their work.
     */
    RuleSetVersion saveDraft(String name, String drl, String comment, Integer baseVersion, String author) {
        ruleSet(name);
        int latest = checkBase(name, baseVersion);
        String checkedComment = comment(comment);
        compileOrRefuse(name, latest + 1, requireText(drl));
        return store(new RuleSetVersion(name, latest + 1, drl, author, checkedComment, baseVersion));
    }

    /**
     * Saves table rows as a new draft: every cell is checked against its column (the first bad one is refused naming
     * row and column), the template turns the rows into DRL, and that must compile like any other version.
     */
    RuleSetVersion saveTableDraft(String name, List<TableRow> rows, String comment, Integer baseVersion, String author) {
        RuleTemplate template = templateOf(name);
        int latest = checkBase(name, baseVersion);
        String checkedComment = comment(comment);
        List<TableRow> checked = checkRows(template, rows);
        checkAssignees(template, checked);
        // rows are compiled with the template in force: a developer's template version once it is published
        String templateText = active(name).getTemplateText();
        String drl = template.toDrl(checked, templateText);
        compileOrRefuse(name, latest + 1, drl);
        return store(new RuleSetVersion(name, latest + 1, drl, TableRows.write(checked), templateText, author,
                checkedComment, baseVersion));
    }

    /**
     * Saves a rule developer's new template as a draft: it is compiled with the active version's rows and must
     * compile; scenarios, simulation and publish then treat it like any other version.
     */
    RuleSetVersion saveTemplateDraft(String name, String templateText, String comment, Integer baseVersion,
                                     String author) {
        RuleTemplate template = templateOf(name);
        int latest = checkBase(name, baseVersion);
        String checkedComment = comment(comment);
        String text = requireText(templateText);
        if (text.length() > MAX_TEMPLATE) {
            throw ApiException.badRequest("Invalid template: longer than " + String.format("%,d", MAX_TEMPLATE)
                    + " characters", "template: too long");
        }
        RuleSetVersion active = active(name);
        if (active.getTableRows() == null) {
            throw ApiException.conflict("The active version of '" + name + "' is rule code, not a table: restore or"
                    + " save a table version first", "template: no active table");
        }
        List<TableRow> rows = TableRows.read(active.getTableRows());
        String drl;
        try {
            drl = template.toDrl(rows, text);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("Invalid template: " + e.getMessage(), "template: " + e.getMessage());
        }
        compileOrRefuse(name, latest + 1, drl);
        return store(new RuleSetVersion(name, latest + 1, drl, active.getTableRows(), text, author, checkedComment,
                baseVersion));
    }

    /** The template a version was compiled with: its own, or the one in rules/. */
    String templateTextOf(String name, int version) {
        RuleTemplate template = templateOf(name);
        String own = version(name, version).getTemplateText();
        return own != null ? own : template.template();
    }

    /** The rows of a version kept as a table; a version written as raw DRL has none. */
    List<TableRow> tableOf(String name, int version) {
        templateOf(name);
        RuleSetVersion v = version(name, version);
        if (v.getTableRows() == null) {
            throw ApiException.notFound("A table for version " + version + " of '" + name
                    + "' (it was written as rule code by a rule developer)");
        }
        return TableRows.read(v.getTableRows());
    }

    /** Whether the rows say the same as the given version's table, once checked: saving them would change nothing. */
    boolean sameAsVersion(String name, int version, List<TableRow> rows) {
        RuleSetVersion v = version(name, version);
        return v.getTableRows() != null && checkRows(templateOf(name), rows).equals(TableRows.read(v.getTableRows()));
    }

    boolean hasTable(String name) {
        return ruleBook.table(name).isPresent();
    }

    RuleTemplate templateOf(String name) {
        ruleSet(name);
        return ruleBook.table(name).orElseThrow(() -> ApiException.notFound("A table for rule set '" + name
                + "' (it is kept as rule code)"));
    }

    /** An assignee cell that is not the owner or one of the team's groups must name a user the engine knows. */
    private void checkAssignees(RuleTemplate template, List<TableRow> rows) {
        for (TableColumn column : template.columns()) {
            if (column.type() != TableColumn.Type.ASSIGNEE) {
                continue;
            }
            for (int i = 0; i < rows.size(); i++) {
                String who = rows.get(i).cells().get(column.key());
                if (who != null && !column.values().contains(who)
                        && identity.createUserQuery().userId(who).count() == 0) {
                    String problem = new InvalidCell(i + 1, rows.get(i).name(), column.label(), "'" + who
                            + "' is not a user AccountFlow knows; give " + column.rule()).getMessage();
                    throw ApiException.badRequest("Invalid table: " + problem, problem);
                }
            }
        }
    }

    static List<TableRow> checkRows(RuleTemplate template, List<TableRow> rows) {
        try {
            return template.check(rows);
        } catch (InvalidCell e) {
            throw ApiException.badRequest("Invalid table: " + e.getMessage(), e.getMessage());
        }
    }

    private int checkBase(String name, Integer baseVersion) {
        if (baseVersion == null) {
            throw ApiException.badRequest("Invalid request: baseVersion: say which version you started editing from",
                    "baseVersion: is required");
        }
        int latest = latestVersion(name);
        if (baseVersion != latest) {
            throw conflictSince(name, baseVersion, latest);
        }
        return latest;
    }

    private RuleSetVersion store(RuleSetVersion draft) {
        try {
            return tx.execute(s -> versions.saveAndFlush(draft));
        } catch (DataIntegrityViolationException e) {
            throw conflictSince(draft.getRuleSet(), draft.getBasedOn(), latestVersion(draft.getRuleSet()));
        }
    }

    /** Keeps a scenario only when the rules could run it: every field is checked before anything is stored. */
    RuleScenario addScenario(String name, String scenarioName, JsonNode facts, JsonNode expected, String author) {
        RuleSetDeclaration kind = kindOf(name);
        String checkedName = scenarioName(scenarioName);
        Scenarios.ScenarioCase scenario = scenarioRunner.check(kind, facts, expected);
        if (scenarios.existsByRuleSetAndName(name, checkedName)) {
            throw nameTaken(checkedName);
        }
        try {
            return tx.execute(s -> scenarios.saveAndFlush(
                    new RuleScenario(name, checkedName, scenario.facts(), scenario.expected(), author)));
        } catch (DataIntegrityViolationException e) {
            throw nameTaken(checkedName);
        }
    }

    /** Removes a scenario, e.g. one that no longer describes what the team wants (or that cannot run at all). */
    void deleteScenario(String name, String id) {
        ruleSet(name);
        RuleScenario scenario = scenarios.findById(id).filter(s -> s.getRuleSet().equals(name))
                .orElseThrow(() -> ApiException.notFound("Scenario '" + id + "' of rule set '" + name + "'"));
        tx.executeWithoutResult(s -> scenarios.delete(scenario));
    }

    // --- testing and publishing ---

    List<ScenarioResult> test(String name, int version) {
        RuleSetVersion v = version(name, version);
        return runScenarios(name, compileOrRefuse(name, version, v.getDrl()));
    }

    /**
     * Makes a draft the active version: it must compile and pass every scenario. The database switch is one
     * transaction guarded by an optimistic lock; the rule book swaps the compiled set in one step after it commits.
     */
    int publish(String name, int version) {
        RuleSetVersion draft = version(name, version);
        if (draft.getStatus() != RuleSetStatus.DRAFT) {
            throw ApiException.conflict("Version " + version + " of '" + name + "' is " + draft.getStatus()
                    + "; only a draft can be published (restore an older version to serve it again)",
                    "version: not a draft");
        }
        CompiledRuleSet compiled = publishable(name, version, draft.getDrl());
        goLive(name, version, null);
        ruleBook.publish(compiled);
        return version;
    }

    /**
     * Serves an earlier version again, as a new version (history is kept), through the same checks as publish. All
     * checks run on the restored text before anything is stored, so a refused restore leaves no draft behind.
     */
    RuleSetVersion restore(String name, int version, String comment, String author) {
        RuleSetVersion source = version(name, version);
        String checkedComment = comment(comment == null || comment.isBlank() ? "Restored from version " + version
                : "Restored from version " + version + ": " + comment.strip());
        if (ruleSet(name).getActiveVersion() == version) {
            throw ApiException.conflict("Version " + version + " of '" + name + "' is already active",
                    "version: already active");
        }
        int latest = latestVersion(name);
        CompiledRuleSet compiled = publishable(name, latest + 1, source.getDrl());
        goLive(name, latest + 1, new RuleSetVersion(name, latest + 1, source.getDrl(), source.getTableRows(),
                source.getTemplateText(), author, checkedComment, latest));
        ruleBook.publish(compiled);
        return version(name, latest + 1);
    }

    List<LineDiff.Line> diff(String name, int from, int to) {
        return LineDiff.between(version(name, from).getDrl(), version(name, to).getDrl());
    }

    /** Row-level changes from the older to the newer version, when both are tables; empty otherwise. */
    List<String> tableDiff(String name, int from, int to) {
        RuleSetVersion older = version(name, Math.min(from, to));
        RuleSetVersion newer = version(name, Math.max(from, to));
        if (older.getTableRows() == null || newer.getTableRows() == null) {
            return List.of();
        }
        return TableDiff.between(templateOf(name), TableRows.read(older.getTableRows()),
                TableRows.read(newer.getTableRows()));
    }

    CompiledRuleSet compileOrRefuse(String name, int version, String drl) {
        try {
            return compiler.compile(name, version, drl);
        } catch (RuleTextOutOfBounds e) {
            throw refused(e);
        } catch (RuleCompilationException e) {
            throw new RuleProblemsException("The rules do not compile: " + e.getProblems().size()
                    + " problem(s), first on line " + e.getProblems().get(0).line(), e.getProblems());
        }
    }

    /** What a rule set decides: one of the rules package's, or one a capability declared. */
    Optional<RuleSetDeclaration> kind(String name) {
        return RuleSetKind.of(name).<RuleSetDeclaration>map(k -> k).or(() -> ruleBook.declaration(name));
    }

    RuleSetDeclaration kindOf(String name) {
        ruleSet(name);
        return kind(name).orElseThrow(() -> ApiException.badRequest(
                "Rule set '" + name + "' has no scenario format yet", "name: no scenario format"));
    }

    private List<ScenarioResult> runScenarios(String name, CompiledRuleSet compiled) {
        return kind(name).map(kind -> scenarioRunner.run(kind, scenariosOf(name), compiled))
                .orElse(List.of());
    }

    /** Compiles the text and runs every scenario on it; refuses with the failing scenarios named. */
    private CompiledRuleSet publishable(String name, int version, String drl) {
        CompiledRuleSet compiled = compileOrRefuse(name, version, drl);
        List<String> failing = runScenarios(name, compiled).stream().filter(r -> !r.passed())
                .map(r -> r.scenario() + ": " + r.message()).toList();
        if (!failing.isEmpty()) {
            throw ApiException.conflict("Version " + version + " of '" + name + "' cannot be published: "
                    + failing.size() + " scenario(s) fail", failing.toArray(String[]::new));
        }
        return compiled;
    }

    /** Stores the new version (if any) and switches the active version in one transaction. */
    private void goLive(String name, int version, RuleSetVersion newVersion) {
        try {
            tx.executeWithoutResult(s -> {
                if (newVersion != null) {
                    versions.saveAndFlush(newVersion);
                }
                RuleSetRecord record = ruleSet(name);
                RuleSetVersion fresh = version(name, version);
                if (fresh.getStatus() != RuleSetStatus.DRAFT) {
                    throw ApiException.conflict("Version " + version + " was published a moment ago", "version: not a draft");
                }
                versions.findByRuleSetAndVersion(name, record.getActiveVersion()).ifPresent(RuleSetVersion::retire);
                fresh.activate();
                record.activate(version);
                ruleSets.saveAndFlush(record);
            });
        } catch (OptimisticLockingFailureException | DataIntegrityViolationException e) {
            throw ApiException.conflict("Someone else changed '" + name + "' at the same moment; reload and try again",
                    "activeVersion: changed");
        }
    }

    private static ApiException nameTaken(String scenarioName) {
        return ApiException.conflict("A scenario named '" + scenarioName + "' already exists", "name: taken");
    }

    private static RuleProblemsException refused(RuleTextOutOfBounds e) {
        return new RuleProblemsException("Invalid request: " + e.getDetail(), List.of(e.getDetail()), e.getProblems());
    }

    private ApiException conflictSince(String name, int baseVersion, int latest) {
        RuleSetVersion newest = version(name, latest);
        return ApiException.conflict("Rule set '" + name + "' changed since you opened version " + baseVersion
                + ": version " + latest + " was saved by " + newest.getAuthor() + " at "
                + WHEN.format(newest.getCreatedAt()) + ". Reload it, apply your change again and save.",
                "baseVersion: " + baseVersion + " is not the latest version (" + latest + ")");
    }

    private static String requireText(String drl) {
        if (drl == null || drl.isBlank()) {
            throw ApiException.badRequest("Invalid request: drl: the rule text is empty", "drl: is required");
        }
        return drl;
    }

    /** Trimmed, at most 1,000 characters, no control characters; blank means no comment. */
    private static String comment(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String comment = text.strip();
        if (comment.length() > MAX_COMMENT) {
            throw ApiException.badRequest("Invalid request: comment: longer than 1,000 characters",
                    "comment: longer than 1,000 characters (" + comment.length() + ")");
        }
        if (comment.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.badRequest("Invalid request: comment: contains control characters",
                    "comment: contains control characters (line breaks, tabs or escapes); write it on one line");
        }
        return comment;
    }

    /** Trimmed, visible, at most 200 characters, no control characters. */
    private static String scenarioName(String text) {
        String name = text == null ? "" : text.strip();
        String problem = null;
        if (name.codePoints().noneMatch(RuleSetService::visible)) {
            problem = "name: is required; say what the scenario checks";
        } else if (name.chars().anyMatch(Character::isISOControl)) {
            problem = "name: contains control characters";
        } else if (name.length() > MAX_SCENARIO_NAME) {
            problem = "name: longer than 200 characters (" + name.length() + ")";
        }
        if (problem != null) {
            throw ApiException.badRequest("Invalid scenario: " + problem, problem);
        }
        return name;
    }

    private static boolean visible(int codePoint) {
        return !Character.isWhitespace(codePoint) && !Character.isSpaceChar(codePoint)
                && !Character.isISOControl(codePoint) && Character.getType(codePoint) != Character.FORMAT;
    }

    /** The rule text does not compile; carries each problem's line and column for the editor. */
    static class RuleProblemsException extends ApiException {

        private final List<RuleProblem> problems;

        RuleProblemsException(String message, List<RuleProblem> problems) {
            this(message, problems.stream()
                    .map(p -> "line " + p.line() + ", column " + p.column() + ": " + p.message()).toList(), problems);
        }

        RuleProblemsException(String message, List<String> details, List<RuleProblem> problems) {
            super(HttpStatus.BAD_REQUEST, message, details);
            this.problems = problems;
        }

        List<RuleProblem> problems() {
            return problems;
        }
    }
}
