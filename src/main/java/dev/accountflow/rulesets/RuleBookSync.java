package dev.accountflow.rulesets;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accountflow.rules.CompiledRuleSet;
import dev.accountflow.rules.RuleBook;
import dev.accountflow.rules.RuleSetDeclaration;
import dev.accountflow.rules.RuleCompilationException;
import dev.accountflow.rules.RuleCompiler;
import dev.accountflow.rules.RuleTemplate;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the {@link RuleBook} of this node on the versions the database says are active: the files in rules/ seed
 * version 1 (and their scenarios) on first start, and every node polls for versions published elsewhere.
 */
@Component
class RuleBookSync implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(RuleBookSync.class);

    private final RuleSetRecordRepository ruleSets;
    private final RuleSetVersionRepository versions;
    private final RuleScenarioRepository scenarios;
    private final RuleBook ruleBook;
    private final RuleCompiler compiler;
    private final TransactionTemplate tx;
    private final ObjectMapper json = new ObjectMapper();

    RuleBookSync(RuleSetRecordRepository ruleSets, RuleSetVersionRepository versions, RuleScenarioRepository scenarios,
                 RuleBook ruleBook, RuleCompiler compiler, TransactionTemplate tx) {
        this.ruleSets = ruleSets;
        this.versions = versions;
        this.scenarios = scenarios;
        this.ruleBook = ruleBook;
        this.compiler = compiler;
        this.tx = tx;
    }

    /** Runs while the application starts, before any process can ask for a decision. */
    @Override
    public void afterPropertiesSet() {
        for (String name : ruleBook.ruleSetNames()) {
            if (!ruleSets.existsById(name)) {
                seed(name);
            } else {
                keepAsTable(name);
            }
        }
        refresh();
    }

    /**
     * A rule set that became a table (stage-gates did) may still have rule code active in a database from an
     * earlier release. The untouched seed and code that no longer compiles are replaced by the table from rules/, as a
     * new version that says why; code someone wrote since, and that still compiles, stays active (a rule developer
     * may have written it on purpose).
     */
    private void keepAsTable(String name) {
        var table = ruleBook.table(name);
        RuleSetRecord record = ruleSets.findById(name).orElse(null);
        if (table.isEmpty() || record == null) {
            return;
        }
        RuleSetVersion active = versions.findByRuleSetAndVersion(name, record.getActiveVersion()).orElse(null);
        if (active == null || active.getTableRows() != null) {
            return;
        }
        String why;
        if (active.getVersion() == 1 && "accountflow".equals(active.getAuthor())) {
            why = "version 1 was the rule code an earlier release seeded; nobody had changed it";
        } else {
            try {
                compiler.compile(name, active.getVersion(), active.getDrl());
                return;
            } catch (RuleCompilationException e) {
                why = "version " + active.getVersion() + " was rule code that no longer compiles";
            }
        }
        log.warn("Rule set '{}': {}; the table in rules/{}.csv is now active", name, why, name);
        String comment = "Now kept as a table from rules/" + name + ".csv: " + why + " (it stays in the history)";
        try {
            tx.executeWithoutResult(s -> {
                RuleSetRecord fresh = ruleSets.findById(name).orElseThrow();
                if (fresh.getActiveVersion() != active.getVersion()) {
                    return;
                }
                int next = versions.latestVersion(name) + 1;
                RuleSetVersion converted = new RuleSetVersion(name, next, ruleBook.sourceOf(name),
                        TableRows.write(table.get().seedRows()), "accountflow", comment, active.getVersion());
                versions.findByRuleSetAndVersion(name, active.getVersion()).ifPresent(RuleSetVersion::retire);
                converted.activate();
                versions.saveAndFlush(converted);
                fresh.activate(next);
                ruleSets.saveAndFlush(fresh);
            });
        } catch (DataIntegrityViolationException | org.springframework.dao.OptimisticLockingFailureException e) {
            log.info("Rule set '{}' was converted to a table by another node a moment ago", name);
        }
    }

    /** Picks up versions another node published; also runs once at start. */
    @Scheduled(fixedDelayString = "${accountflow.rules.refresh-interval-ms:2000}",
            initialDelayString = "${accountflow.rules.refresh-interval-ms:2000}")
    void refresh() {
        for (RuleSetRecord record : ruleSets.findAllByOrderByName()) {
            if (servedVersion(record.getName()) == record.getActiveVersion()) {
                continue;
            }
            versions.findByRuleSetAndVersion(record.getName(), record.getActiveVersion()).ifPresent(active -> {
                try {
                    CompiledRuleSet compiled = compiler.compile(active.getRuleSet(), active.getVersion(), active.getDrl());
                    ruleBook.publish(compiled);
                    log.info("Rule set '{}' now serves version {}", active.getRuleSet(), active.getVersion());
                } catch (RuleCompilationException e) {
                    log.error("Active version {} of rule set '{}' does not compile here; still serving version {}: {}",
                            active.getVersion(), active.getRuleSet(), servedVersion(record.getName()), e.getMessage());
                }
            });
        }
    }

    private int servedVersion(String name) {
        return ruleBook.ruleSetNames().contains(name) ? ruleBook.get(name).version() : -1;
    }

    private void seed(String name) {
        try {
            tx.executeWithoutResult(s -> {
                ruleSets.saveAndFlush(new RuleSetRecord(name,
                        RuleSetKind.of(name).<RuleSetDeclaration>map(k -> k).or(() -> ruleBook.declaration(name))
                                .map(RuleSetDeclaration::description).orElse(name), 1));
                var table = ruleBook.table(name);
                RuleSetVersion first = new RuleSetVersion(name, 1, ruleBook.sourceOf(name),
                        table.map(t -> TableRows.write(t.seedRows())).orElse(null), "accountflow",
                        "Seeded from rules/" + name + (table.isPresent() ? ".csv" : ".drl"), null);
                first.activate();
                versions.save(first);
                seedScenarios(name).forEach(scenarios::save);
            });
            log.info("Rule set '{}' seeded as version 1 from rules/", name);
        } catch (DataIntegrityViolationException e) {
            log.info("Rule set '{}' was seeded by another node a moment ago", name);
        }
    }

    private List<RuleScenario> seedScenarios(String name) {
        ClassPathResource file = new ClassPathResource("rules/" + name + ".scenarios.json");
        if (!file.exists()) {
            return List.of();
        }
        try {
            List<Map<String, Object>> cases = json.readValue(file.getInputStream(), new TypeReference<>() {
            });
            return cases.stream().map(c -> new RuleScenario(name, (String) c.get("name"),
                    write(c.get("facts")), write(c.get("expected")), "accountflow")).toList();
        } catch (IOException e) {
            throw new IllegalStateException("rules/" + name + ".scenarios.json cannot be read: " + e.getMessage(), e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
