package dev.accountflow.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.kie.api.KieBase;
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
            session.execute(facts);
            return new RuleRun(name, version, fired);
        });
    }
}
