package dev.accountflow.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RuleCompilerTest {

    private static final String GATE = """
            package dev.accountflow.rules;

            rule "Any discount above 5% needs the finance team"
            when
                DiscountFacts( discountPct > 5.0 )
                $decision : DiscountDecision()
            then
                $decision.requireApproval( "finance", "Finance looks at every discount" );
            end
            """;

    private final RuleCompiler compiler = new RuleCompiler();

    @Test
    void validRuleSetCompilesAndDecides() {
        CompiledRuleSet ruleSet = compiler.compile("stage-gates", 7, GATE);
        DiscountDecision decision = new DiscountDecision();

        RuleRun run = ruleSet.execute(List.of(new DiscountFacts("NEW_BUSINESS", "ENTERPRISE", 1_000, 6), decision));

        assertThat(ruleSet.name()).isEqualTo("stage-gates");
        assertThat(ruleSet.version()).isEqualTo(7);
        assertThat(run).isEqualTo(new RuleRun("stage-gates", 7, List.of("Any discount above 5% needs the finance team")));
        assertThat(decision.getApproverGroup()).isEqualTo("finance");
    }

    @Test
    void syntaxErrorIsRejectedWithItsLine() {
        String drl = """
                package dev.accountflow.rules;

                rule "Broken"
                when
                    DiscountFacts( discountPct > )
                then
                end
                """;

        RuleCompilationException error = rejected(2, drl);

        assertThat(error.getProblems()).isNotEmpty().allSatisfy(problem -> assertThat(problem.line()).isEqualTo(5));
        assertThat(error.getMessage()).contains("'stage-gates' version 2").contains("line 5");
    }

    @Test
    void unknownFactTypeIsRejectedWithItsLine() {
        String drl = """
                package dev.accountflow.rules;

                rule "Large opportunities need a manager"
                when
                    DiscountFacts( arr > 100000 )
                    Opportunity( amount > 100000 )
                then
                end
                """;

        RuleCompilationException error = rejected(2, drl);

        assertThat(error.getProblems()).anySatisfy(problem -> {
            assertThat(problem.line()).isEqualTo(6);
            assertThat(problem.message()).contains("Opportunity");
        });
    }

    @Test
    void errorInTheThenPartIsRejectedAtTheRuleItBelongsTo() {
        String drl = """
                package dev.accountflow.rules;

                rule "Fine rule"
                when
                    DiscountFacts()
                then
                end

                rule "Calls something that does not exist"
                when
                    $decision : DiscountDecision()
                then
                    $decision.escalateToTheBoard();
                end
                """;

        RuleCompilationException error = rejected(3, drl);

        assertThat(error.getProblems()).isNotEmpty()
                .allSatisfy(problem -> assertThat(problem.line()).isEqualTo(9))
                .anySatisfy(problem -> assertThat(problem.message()).contains("escalateToTheBoard"));
    }

    static Stream<ClassLoader> foreignContextClassLoaders() {
        // the system loader is what fat-jar pool threads carry; a loader that sees only the JDK is the harshest case
        return Stream.of(ClassLoader.getSystemClassLoader(), new URLClassLoader(new URL[0], null));
    }

    @ParameterizedTest
    @MethodSource("foreignContextClassLoaders")
    void compilesAndDecidesOnAThreadWithAForeignContextClassLoader(ClassLoader contextClassLoader)
            throws InterruptedException {
        AtomicReference<RuleRun> run = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<ClassLoader> loaderAfterwards = new AtomicReference<>();
        Thread pooled = new Thread(() -> {
            try {
                CompiledRuleSet ruleSet = compiler.compile("stage-gates", 8, GATE);
                run.set(ruleSet.execute(List.of(new DiscountFacts("RENEWAL", "GROWTH", 1_000, 9), new DiscountDecision())));
                loaderAfterwards.set(Thread.currentThread().getContextClassLoader());
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        pooled.setContextClassLoader(contextClassLoader);

        pooled.start();
        pooled.join();

        assertThat(failure.get()).isNull();
        assertThat(run.get().rulesFired()).containsExactly("Any discount above 5% needs the finance team");
        assertThat(loaderAfterwards.get()).isSameAs(contextClassLoader);
    }

    @Test
    void sameRuleSetVersionCompiledTwiceKeepsEachBuildApart() {
        CompiledRuleSet first = compiler.compile("stage-gates", 1, GATE);
        CompiledRuleSet second = compiler.compile("stage-gates", 1, GATE.replace("5.0", "50.0"));
        DiscountFacts sixPercent = new DiscountFacts("RENEWAL", "ENTERPRISE", 1_000, 6);

        assertThat(first.execute(List.of(sixPercent, new DiscountDecision())).rulesFired()).hasSize(1);
        assertThat(second.execute(List.of(sixPercent, new DiscountDecision())).rulesFired()).isEmpty();
    }

    @Test
    void publishReplacesOneRuleSetWhileTheOthersKeepServing() {
        RuleBook book = new RuleBook(compiler);
        String healthSource = book.sourceOf("health");
        AccountHealthFacts silentAccount = new AccountHealthFacts("acc-1", "Northwind Health");
        silentAccount.setHasExecutiveSponsor(false);

        book.publish(compiler.compile("stage-gates", 2, GATE));

        DiscountDecision decision = book.checkDiscount(new DiscountFacts("RENEWAL", "ENTERPRISE", 1_000, 6)).decision();
        assertThat(decision.getApproverGroup()).isEqualTo("finance");
        assertThat(book.decide("stage-gates", new DiscountFacts("RENEWAL", "ENTERPRISE", 1_000, 6), new DiscountDecision())
                .version()).isEqualTo(2);
        assertThat(book.sourceOf("stage-gates")).isEqualTo(GATE);
        assertThat(book.sourceOf("health")).isEqualTo(healthSource);
        assertThat(book.assessHealth(silentAccount).run())
                .isEqualTo(new RuleRun("health", 1, List.of("No executive sponsor at the account")));
        assertThat(book.ruleSetNames()).containsExactlyInAnyOrder("assignment", "health", "stage-gates");
    }

    @Test
    void unknownRuleSetIsRefused() {
        RuleBook book = new RuleBook(compiler);

        assertThatThrownBy(() -> book.decide("pricing", new Object()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pricing");
    }

    private RuleCompilationException rejected(int version, String drl) {
        return catchThrowableOfType(RuleCompilationException.class, () -> compiler.compile("stage-gates", version, drl));
    }
}
