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
        assertThat(book.ruleSetNames()).containsExactlyInAnyOrder("assignment", "health", "notifications", "stage-gates",
                "feature-routing", "escalation-routing");
    }

    @Test
    void unknownRuleSetIsRefused() {
        RuleBook book = new RuleBook(compiler);

        assertThatThrownBy(() -> book.decide("pricing", new Object()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pricing");
    }

    @Test
    void compilingAndValidatingNeverRunsARule() {
        String property = "accountflow.test.compile-ran-a-rule." + System.nanoTime();
        String drl = """
                package dev.accountflow.rules;

                rule "Matches always and has a side effect"
                when
                then
                    System.setProperty( "%1$s", "then" );
                end

                rule "Has a side effect in its condition"
                when
                    eval( System.setProperty( "%1$s.when", "when" ) == null )
                then
                end
                """.formatted(property);
        try {
            CompiledRuleSet compiled = compiler.compile("stage-gates", 9, drl);

            assertThat(System.getProperty(property)).as("the then part ran while compiling").isNull();
            assertThat(System.getProperty(property + ".when")).as("a condition ran while compiling").isNull();
            // deciding does run it: the rule itself works, compiling just never fires it
            assertThat(compiled.execute(List.of()).rulesFired()).contains("Matches always and has a side effect");
            assertThat(System.getProperty(property)).isEqualTo("then");
        } finally {
            System.clearProperty(property);
            System.clearProperty(property + ".when");
        }
    }

    @Test
    void fiveThousandNestedParenthesesAreRefusedAtTheLineBeforeDroolsSeesThem() {
        String drl = """
                package dev.accountflow.rules;

                rule "Deep"
                when
                    DiscountFacts( discountPct > %s1%s )
                then
                end
                """.formatted("(".repeat(5_000), ")".repeat(5_000));

        RuleCompilationException error = rejected(4, drl);

        assertThat(error).isInstanceOf(RuleTextOutOfBounds.class);
        assertThat(((RuleTextOutOfBounds) error).getDetail()).startsWith("line 5: nesting deeper than 64");
        assertThat(error.getProblems()).singleElement().satisfies(problem -> assertThat(problem.line()).isEqualTo(5));
    }

    @Test
    void nestingUpToTheLimitCompilesAndBracketsInStringsAndCommentsDoNotCount() {
        String drl = """
                package dev.accountflow.rules;

                // ((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((
                rule "Deep but allowed"
                when
                    DiscountFacts( opportunityType != "((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((", discountPct > %s1%s )
                then
                    /* {{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{ */
                end
                """.formatted("(".repeat(RuleTextBounds.MAX_NESTING - 1), ")".repeat(RuleTextBounds.MAX_NESTING - 1));

        assertThat(compiler.compile("stage-gates", 5, drl).name()).isEqualTo("stage-gates");
    }

    @Test
    void ruleTextLongerThan200000CharactersIsRefusedNamingTheField() {
        String drl = GATE + "// " + "x".repeat(RuleTextBounds.MAX_LENGTH);

        RuleCompilationException error = rejected(6, drl);

        assertThat(error).isInstanceOf(RuleTextOutOfBounds.class);
        assertThat(((RuleTextOutOfBounds) error).getDetail()).startsWith("drl: longer than 200,000 characters");
    }

    @Test
    void aNulCharacterIsRefusedAtItsLine() {
        RuleCompilationException error = rejected(7, GATE.replace("DiscountFacts( discountPct", "DiscountFacts(\0 discountPct"));

        assertThat(((RuleTextOutOfBounds) error).getDetail()).startsWith("line 5: contains a NUL character");
    }

    @Test
    void aRuleThatKeepsReTriggeringItselfIsStoppedAndNamedInsteadOfHoldingItsThread() {
        String drl = """
                package dev.accountflow.rules;

                rule "Keeps raising the discount"
                when
                    $facts : DiscountFacts( discountPct < 1000000000.0 )
                then
                    modify( $facts ) { setDiscountPct( $facts.getDiscountPct() + 0.001 ) }
                end
                """;
        CompiledRuleSet looping = compiler.compile("stage-gates", 9, drl);
        DiscountFacts facts = new DiscountFacts("RENEWAL", "ENTERPRISE", 1_000, 1);

        assertThatThrownBy(() -> looping.execute(List.of(facts, new DiscountDecision())))
                .isInstanceOf(RuleLoopException.class)
                .hasMessageContaining("Version 9 of rule set 'stage-gates' fired 10,000 times")
                .hasMessageContaining("Keeps raising the discount");
        assertThat(facts.getDiscountPct()).as("it stopped at the limit").isLessThan(1 + 10_001 * 0.001);
    }

    private RuleCompilationException rejected(int version, String drl) {
        return catchThrowableOfType(RuleCompilationException.class, () -> compiler.compile("stage-gates", version, drl));
    }
}
