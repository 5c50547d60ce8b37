package dev.accountflow.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

/** The rule sets in force: seeded from classpath rules/*.drl and the tables rules/*.drt + .csv, replaced one at a time by {@link #publish}. */
@Service
public class RuleBook {

    public static final String ASSIGNMENT = "assignment";
    public static final String HEALTH = "health";
    public static final String STAGE_GATES = "stage-gates";
    public static final String NOTIFICATIONS = "notifications";
    public static final String FEATURE_ROUTING = "feature-routing";
    public static final String ESCALATION_ROUTING = "escalation-routing";

    private MeterRegistry meters = new SimpleMeterRegistry();
    // readers always see one whole map, so a publish never shows them half of a change
    private final AtomicReference<Map<String, CompiledRuleSet>> active = new AtomicReference<>(Map.of());

    private final Map<String, RuleSetDeclaration> declared;

    /** The rule sets of this package only (unit tests of one rule set); tables a capability declares are left out. */
    public RuleBook(RuleCompiler compiler) {
        this(compiler, List.of(), false);
    }

    @Autowired
    public RuleBook(RuleCompiler compiler, List<RuleSetDeclaration> declarations) {
        this(compiler, declarations, true);
    }

    private RuleBook(RuleCompiler compiler, List<RuleSetDeclaration> declarations, boolean everyTable) {
        Map<String, RuleSetDeclaration> byName = new HashMap<>();
        declarations.forEach(d -> byName.put(d.ruleSetName(), d));
        this.declared = Map.copyOf(byName);
        for (Resource resource : seedResources()) {
            String name = resource.getFilename().replaceFirst("\\.drl$", "");
            publish(compiler.compile(name, 1, read(resource)));
        }
        for (Resource resource : seedResources("drt")) {
            String name = resource.getFilename().replaceFirst("\\.drt$", "");
            Optional<RuleTemplate> table = table(name);
            if (table.isEmpty() && !everyTable) {
                continue;
            }
            RuleTemplate template = table.orElseThrow(() -> new IllegalStateException(
                    "rules/" + name + ".drt has no table columns declared"));
            publish(compiler.compile(name, 1, template.toDrl(template.seedRows())));
        }
    }

    /** The table of a rule set: one of this package's, or one a capability declared. */
    public Optional<RuleTemplate> table(String ruleSet) {
        return RuleTemplate.of(ruleSet).or(() -> declaration(ruleSet).map(RuleSetDeclaration::table));
    }

    /** The declaration of a rule set a capability keeps (empty for this package's own). */
    public Optional<RuleSetDeclaration> declaration(String ruleSet) {
        return Optional.ofNullable(ruleSet == null ? null : declared.get(ruleSet));
    }

    public void publish(CompiledRuleSet ruleSet) {
        active.updateAndGet(current -> {
            Map<String, CompiledRuleSet> next = new HashMap<>(current);
            next.put(ruleSet.name(), ruleSet);
            return Map.copyOf(next);
        });
    }

    /** A decision in force (simulations and scenario runs call the compiled sets directly and are not counted). */
    public RuleRun decide(String ruleSet, Object... facts) {
        CompiledRuleSet rules = get(ruleSet);
        Timer.Sample sample = Timer.start();
        RuleRun run = rules.execute(List.of(facts));
        sample.stop(Timer.builder("accountflow.rule.decisions").tag("ruleSet", ruleSet)
                .tag("version", Integer.toString(rules.version()))
                .description("Rule decisions in force and how long each took, by rule set and version")
                .register(meters));
        return run;
    }

    @Autowired(required = false)
    void countDecisionsIn(MeterRegistry registry) {
        this.meters = registry;
    }

    public Set<String> ruleSetNames() {
        return active.get().keySet();
    }

    public String sourceOf(String ruleSet) {
        return get(ruleSet).drl();
    }

    public CompiledRuleSet get(String ruleSet) {
        CompiledRuleSet compiled = active.get().get(ruleSet);
        if (compiled == null) {
            throw new IllegalArgumentException("No rule set '" + ruleSet + "'; known rule sets: " + ruleSetNames());
        }
        return compiled;
    }

    public Decided<AssignmentDecision> assign(TaskFacts task) {
        AssignmentDecision decision = new AssignmentDecision();
        return new Decided<>(decision, decide(ASSIGNMENT, task, decision));
    }

    public Decided<HealthAssessment> assessHealth(AccountHealthFacts account) {
        HealthAssessment assessment = new HealthAssessment(account);
        return new Decided<>(assessment, decide(HEALTH, account, assessment));
    }

    /**
     * A page of the book in one rule session, each account with its own assessment; the answers come back in the
     * order of the accounts, each with the rules that fired for it. A health version written before its template
     * kept findings apart per account (no {@code FlagRaised} guard) is asked one account at a time instead.
     */
    public List<Decided<HealthAssessment>> assessHealth(List<AccountHealthFacts> accounts) {
        CompiledRuleSet health = get(HEALTH);
        if (!health.drl().contains("FlagRaised")) {
            return accounts.stream().map(this::assessHealth).toList();
        }
        List<Object> facts = new ArrayList<>(accounts.size() * 2);
        List<HealthAssessment> assessments = new ArrayList<>(accounts.size());
        for (AccountHealthFacts account : accounts) {
            HealthAssessment assessment = new HealthAssessment(account);
            assessments.add(assessment);
            facts.add(account);
            facts.add(assessment);
        }
        RuleRun run = decide(HEALTH, facts.toArray());
        return assessments.stream().map(a -> new Decided<>(a, new RuleRun(run.ruleSet(), run.version(),
                a.getFindings().stream().map(HealthFinding::ruleName).toList()))).toList();
    }

    public Decided<NoticeDecision> decideNotices(NoticeFacts change) {
        NoticeDecision decision = new NoticeDecision();
        return new Decided<>(decision, decide(NOTIFICATIONS, change, decision));
    }

    public Decided<DiscountDecision> checkDiscount(DiscountFacts discount) {
        DiscountDecision decision = new DiscountDecision();
        return new Decided<>(decision, decide(STAGE_GATES, discount, decision));
    }

    public Decided<FeatureRouting> routeFeatureRequest(FeatureRequestFacts request) {
        FeatureRouting routing = new FeatureRouting();
        return new Decided<>(routing, decide(FEATURE_ROUTING, request, routing));
    }

    public Decided<EscalationRouting> routeEscalation(EscalationFacts escalation) {
        EscalationRouting routing = new EscalationRouting();
        return new Decided<>(routing, decide(ESCALATION_ROUTING, escalation, routing));
    }

    public Decided<StageExitDecision> checkStageExit(StageExitFacts move) {
        StageExitDecision decision = new StageExitDecision();
        return new Decided<>(decision, decide(STAGE_GATES, move, decision));
    }

    private static Resource[] seedResources() {
        return seedResources("drl");
    }

    private static Resource[] seedResources(String extension) {
        try {
            return new PathMatchingResourcePatternResolver(RuleBook.class.getClassLoader())
                    .getResources("classpath*:rules/*." + extension);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the seed rule sets in rules/*." + extension, e);
        }
    }

    private static String read(Resource resource) {
        try {
            return resource.getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read rule set " + resource.getDescription(), e);
        }
    }
}
