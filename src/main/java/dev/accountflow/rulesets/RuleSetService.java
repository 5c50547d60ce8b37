package dev.accountflow.rulesets;

import dev.accountflow.rules.CompiledRuleSet;
import dev.accountflow.rules.RuleBook;
import dev.accountflow.rules.RuleCompilationException;
import dev.accountflow.rules.RuleCompiler;
import dev.accountflow.rules.RuleProblem;
import dev.accountflow.web.ApiException;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
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

    private final RuleSetRecordRepository ruleSets;
    private final RuleSetVersionRepository versions;
    private final RuleScenarioRepository scenarios;
    private final Scenarios scenarioRunner;
    private final RuleCompiler compiler;
    private final RuleBook ruleBook;
    private final TransactionTemplate tx;

    RuleSetService(RuleSetRecordRepository ruleSets, RuleSetVersionRepository versions,
                   RuleScenarioRepository scenarios, Scenarios scenarioRunner, RuleCompiler compiler,
                   RuleBook ruleBook, TransactionTemplate tx) {
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

    /** Compiles the text without storing anything; the problems name line and column. */
    List<RuleProblem> validate(String name, String drl) {
        ruleSet(name);
        try {
            compiler.compile(name, 0, requireText(drl));
            return List.of();
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
        if (baseVersion == null) {
            throw ApiException.badRequest("Invalid request: baseVersion: say which version you started editing from",
                    "baseVersion: is required");
        }
        int latest = latestVersion(name);
        if (baseVersion != latest) {
            throw conflictSince(name, baseVersion, latest);
        }
        compileOrRefuse(name, latest + 1, requireText(drl));
        try {
            return tx.execute(s -> versions.saveAndFlush(
                    new RuleSetVersion(name, latest + 1, drl, author, blankToNull(comment), baseVersion)));
        } catch (DataIntegrityViolationException e) {
            throw conflictSince(name, baseVersion, latestVersion(name));
        }
    }

    RuleScenario addScenario(String name, String scenarioName, Map<String, Object> facts, Map<String, Object> expected,
                             String author) {
        RuleSetKind kind = kindOf(name);
        if (scenarioName == null || scenarioName.isBlank() || scenarioName.length() > 200) {
            throw ApiException.badRequest("Invalid scenario: name: give it a name of at most 200 characters",
                    "name: is required");
        }
        scenarioRunner.check(kind, facts == null ? Map.of() : facts, expected);
        if (scenarios.existsByRuleSetAndName(name, scenarioName.trim())) {
            throw ApiException.conflict("A scenario named '" + scenarioName.trim() + "' already exists", "name: taken");
        }
        return tx.execute(s -> scenarios.save(new RuleScenario(name, scenarioName.trim(), scenarioRunner.write(facts),
                scenarioRunner.write(expected), author)));
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
        CompiledRuleSet compiled = compileOrRefuse(name, version, draft.getDrl());
        List<String> failing = runScenarios(name, compiled).stream().filter(r -> !r.passed())
                .map(r -> r.scenario() + ": " + r.message()).toList();
        if (!failing.isEmpty()) {
            throw ApiException.conflict("Version " + version + " of '" + name + "' cannot be published: "
                    + failing.size() + " scenario(s) fail", failing.toArray(String[]::new));
        }
        try {
            tx.executeWithoutResult(s -> {
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
        } catch (OptimisticLockingFailureException e) {
            throw ApiException.conflict("Someone else published '" + name + "' at the same moment; reload and try again",
                    "activeVersion: changed");
        }
        ruleBook.publish(compiled);
        return version;
    }

    /** Serves an earlier version again, as a new version (history is kept), through the same checks as publish. */
    RuleSetVersion restore(String name, int version, String author) {
        RuleSetVersion source = version(name, version);
        if (ruleSet(name).getActiveVersion() == version) {
            throw ApiException.conflict("Version " + version + " of '" + name + "' is already active",
                    "version: already active");
        }
        RuleSetVersion copy = saveDraft(name, source.getDrl(), "Restored from version " + version, latestVersion(name),
                author);
        publish(name, copy.getVersion());
        return version(name, copy.getVersion());
    }

    List<LineDiff.Line> diff(String name, int from, int to) {
        return LineDiff.between(version(name, from).getDrl(), version(name, to).getDrl());
    }

    CompiledRuleSet compileOrRefuse(String name, int version, String drl) {
        try {
            return compiler.compile(name, version, drl);
        } catch (RuleCompilationException e) {
            throw new RuleProblemsException("The rules do not compile: " + e.getProblems().size()
                    + " problem(s), first on line " + e.getProblems().get(0).line(), e.getProblems());
        }
    }

    RuleSetKind kindOf(String name) {
        ruleSet(name);
        return RuleSetKind.of(name).orElseThrow(() -> ApiException.badRequest(
                "Rule set '" + name + "' has no scenario format yet", "name: no scenario format"));
    }

    private List<ScenarioResult> runScenarios(String name, CompiledRuleSet compiled) {
        return RuleSetKind.of(name).map(kind -> scenarioRunner.run(kind, scenariosOf(name), compiled))
                .orElse(List.of());
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

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /** The rule text does not compile; carries each problem's line and column for the editor. */
    static class RuleProblemsException extends ApiException {

        private final List<RuleProblem> problems;

        RuleProblemsException(String message, List<RuleProblem> problems) {
            super(HttpStatus.BAD_REQUEST, message, problems.stream()
                    .map(p -> "line " + p.line() + ", column " + p.column() + ": " + p.message()).toList());
            this.problems = problems;
        }

        List<RuleProblem> problems() {
            return problems;
        }
    }
}
