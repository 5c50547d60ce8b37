package dev.accountflow.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Keeps every automated decision with the rules and facts behind it, so any "why?" has an answer. */
@Service
public class DecisionLog {

    private static final int MAX_TEXT = 8000;

    private final DecisionRecordRepository records;
    private final ObjectMapper json;

    DecisionLog(DecisionRecordRepository records, ObjectMapper json) {
        this.records = records;
        this.json = json;
    }

    /** Stores the decision in the caller's transaction and returns its id. */
    @Transactional
    public String record(String decisionType, String subjectType, String subjectId, RuleRun run, Object facts,
                         Object outcome) {
        return records.save(new DecisionRecord(decisionType, subjectType, subjectId, run, text(facts, MAX_TEXT),
                text(outcome, 4000))).getId();
    }

    @Transactional(readOnly = true)
    public List<DecisionRecord> about(String subjectType, String subjectId) {
        return records.findBySubjectTypeAndSubjectIdOrderByMadeAt(subjectType, subjectId);
    }

    @Transactional(readOnly = true)
    public List<DecisionRecord> recent() {
        return records.findTop200ByOrderByMadeAtDesc();
    }

    @Transactional(readOnly = true)
    public Optional<DecisionRecord> find(String id) {
        return records.findById(id);
    }

    /** A sentence a rep can read: which rule set version decided, through which rules, with what result. */
    public static String why(DecisionRecord r) {
        String rules = r.getRulesFired().isBlank() ? "no rule fired" : "rules fired: "
                + String.join("; ", r.getRulesFired().split("\n"));
        return "Decided by rule set '" + r.getRuleSet() + "' version " + r.getRuleSetVersion() + " (" + rules
                + ") → " + r.getOutcome();
    }

    private String text(Object value, int max) {
        String s;
        if (value instanceof String str) {
            s = str;
        } else {
            try {
                s = json.writeValueAsString(value);
            } catch (JsonProcessingException e) {
                s = String.valueOf(value);
            }
        }
        return s.length() > max ? s.substring(0, max - 1) + "…" : s;
    }
}
