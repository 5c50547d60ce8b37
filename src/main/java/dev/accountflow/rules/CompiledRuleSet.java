package dev.accountflow.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.command.KieCommands;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.StatelessKieSession;

/** One compiled version of a rule set, ready to decide; safe to share between threads. */
public class CompiledRuleSet {

    private final String name;
    private final int version;
    private final String drl;
    private final KieBase kieBase;
    private final ClassLoader appClassLoader;

    CompiledRuleSet(String name, int version, String drl, KieBase kieBase, ClassLoader appClassLoader) {
        this.name = name;
        this.version = version;
        this.drl = drl;
        this.kieBase = kieBase;
        this.appClassLoader = appClassLoader;
    }

    public String name() {
        return name;
    }

    public int version() {
        return version;
    }

    /** The DRL text this set was compiled from. */
    public String drl() {
        return drl;
    }

    /**
     * How many rule firings one run may take before it counts as a loop: a rule that updates a fact it matches
     * without a guard would otherwise re-fire for ever and hold its thread (a scenario run, a sweep batch, a task).
     */
    static int firingLimit(int facts) {
        return Math.max(10_000, 100 * facts);
    }

    /** Runs the rules once over the facts; decision objects among them are filled in. */
    public RuleRun execute(Collection<?> facts) {
        return RuleCompiler.withAppClassLoader(appClassLoader, () -> {
            List<String> fired = new ArrayList<>();
            StatelessKieSession session = kieBase.newStatelessKieSession();
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    fired.add(event.getMatch().getRule().getName());
                }
            });
            int limit = firingLimit(facts.size());
            KieCommands commands = KieServices.get().getCommands();
            session.execute(commands.newBatchExecution(List.of(commands.newInsertElements(facts),
                    commands.newFireAllRules(limit))));
            if (fired.size() >= limit) {
                throw new RuleLoopException(name, version, limit, fired.subList(fired.size() - 3, fired.size()));
            }
            return new RuleRun(name, version, fired);
        });
    }
}
