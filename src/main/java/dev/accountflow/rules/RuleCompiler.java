package dev.accountflow.rules;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns DRL text into a {@link CompiledRuleSet}, or says which lines are wrong. Compiling never runs a rule: a rule's
 * {@code then} is code, and only deciding (never validating, saving or loading) may execute it.
 */
@Component
public class RuleCompiler {

    private static final Logger log = LoggerFactory.getLogger(RuleCompiler.class);
    // the KieRepository is JVM-wide, so build numbers must be too
    private static final AtomicLong BUILDS = new AtomicLong();
    private static final String NO_PACKAGE = "Parser returned a null Package";
    private static final String TOO_DEEP = "too deeply nested for the rule compiler; split long conditions into smaller rules";

    private final ClassLoader appClassLoader = RuleCompiler.class.getClassLoader();

    public CompiledRuleSet compile(String ruleSetName, int version, String drl) {
        RuleTextBounds.firstBreach(drl).ifPresent(problem -> {
            throw new RuleTextOutOfBounds(ruleSetName, version, problem,
                    drl.length() > RuleTextBounds.MAX_LENGTH ? "drl: " + problem.message() : problem.toString());
        });
        try {
            return withAppClassLoader(appClassLoader, () -> build(ruleSetName, version, drl));
        } catch (StackOverflowError e) {
            // the bounds keep ordinary nesting out; this catches whatever other shape still recurses too deep
            throw new RuleTextOutOfBounds(ruleSetName, version, new RuleProblem(1, 1, TOO_DEEP), "drl: " + TOO_DEEP);
        } catch (RuleCompilationException e) {
            throw e;
        } catch (RuntimeException e) {
            // text that trips up the compiler itself is still text that does not compile, not a failure of the app
            log.warn("The rule compiler failed on rule set '{}' version {}", ruleSetName, version, e);
            throw new RuleCompilationException(ruleSetName, version,
                    List.of(new RuleProblem(1, 1, "the rule compiler could not read this text: " + e.getMessage())));
        }
    }

    private CompiledRuleSet build(String ruleSetName, int version, String drl) {
        KieServices kie = KieServices.Factory.get();
        ReleaseId releaseId = kie.newReleaseId("dev.accountflow.rules",
                ruleSetName.replaceAll("[^A-Za-z0-9_.-]", "_"), version + "." + BUILDS.incrementAndGet());
        KieFileSystem files = kie.newKieFileSystem()
                .generateAndWritePomXML(releaseId)
                // the folder matches the package our rule sets declare, which keeps Drools from warning on every build
                .write("src/main/resources/dev/accountflow/rules/" + ruleSetName + ".drl", drl);
        KieBuilder builder = kie.newKieBuilder(files, appClassLoader).buildAll();
        List<RuleProblem> problems = builder.getResults().getMessages(Message.Level.ERROR).stream()
                .map(message -> new RuleProblem(message.getLine(), message.getColumn(), readable(message.getText())))
                .toList();
        if (problems.size() > 1) {
            // a parse error is always followed by this one, which says nothing about where to look
            problems = problems.stream().filter(problem -> !problem.message().equals(NO_PACKAGE)).toList();
        }
        if (!problems.isEmpty()) {
            throw new RuleCompilationException(ruleSetName, version, problems);
        }
        KieBase kieBase = kie.newKieContainer(releaseId, appClassLoader).getKieBase();
        // the KieBase holds everything now; leaving the module in the repository would only pile up old versions
        kie.getRepository().removeKieModule(releaseId);
        // the first session of the JVM must open with the application class loader (STACK.md); opened, never fired
        kieBase.newKieSession().dispose();
        return new CompiledRuleSet(ruleSetName, version, drl, kieBase, appClassLoader);
    }

    // Drools finds its runtime through the context class loader, which is the system loader on pool threads
    static <T> T withAppClassLoader(ClassLoader appClassLoader, Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(appClassLoader);
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Drools' wording, minus generated class names a sales manager cannot act on. */
    static String readable(String text) {
        return text.strip()
                .replaceFirst("^Rule Compilation error\\s*", "")
                .replaceAll("for the type Rule_\\S+", "in this rule")
                .replaceAll("Unable to resolve ObjectType '([^']+)'", "Unknown fact type '$1' (no such fact is known to these rules)");
    }
}
