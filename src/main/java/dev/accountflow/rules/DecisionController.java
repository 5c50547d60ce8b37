package dev.accountflow.rules;

import dev.accountflow.security.CurrentUser;
import dev.accountflow.web.ApiException;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/decisions")
class DecisionController {

    private final DecisionLog log;

    DecisionController(DecisionLog log) {
        this.log = log;
    }

    record DecisionView(String id, String decisionType, String subjectType, String subjectId, String ruleSet,
                        int ruleSetVersion, List<String> rulesFired, String facts, String outcome, Instant madeAt,
                        String why) {
        static DecisionView of(DecisionRecord r) {
            return new DecisionView(r.getId(), r.getDecisionType(), r.getSubjectType(), r.getSubjectId(),
                    r.getRuleSet(), r.getRuleSetVersion(),
                    r.getRulesFired().isBlank() ? List.of() : List.of(r.getRulesFired().split("\n")), r.getFacts(),
                    r.getOutcome(), r.getMadeAt(), DecisionLog.why(r));
        }
    }

    /** Decisions about one subject (task, account, notification…); managers may also list the latest ones. */
    @GetMapping
    List<DecisionView> list(@RequestParam(required = false) String subjectType,
                            @RequestParam(required = false) String subjectId) {
        if (subjectType != null && subjectId != null) {
            return log.about(subjectType, subjectId).stream().map(DecisionView::of).toList();
        }
        if (!CurrentUser.get().managesPortfolio()) {
            throw ApiException.badRequest("Invalid request: subjectType and subjectId are required",
                    "subjectType: is required", "subjectId: is required");
        }
        return log.recent().stream().map(DecisionView::of).toList();
    }
}
