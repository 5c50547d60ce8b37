package dev.accountflow.rules;

import java.util.ArrayList;
import java.util.List;

import org.kie.api.definition.type.Modifies;

/** Who gets a task, by when and how urgently; filled in by the assignment rules. */
public class AssignmentDecision {

    private String assignee;
    private List<String> candidateGroups = new ArrayList<>();
    private Integer dueInDays;
    private Integer priority;

    // @Modifies tells Drools which property a helper changes, so a modify only wakes the rules that look at it
    @Modifies("assignee")
    public void assignTo(String user) {
        this.assignee = user;
    }

    @Modifies("candidateGroups")
    public void offerTo(String group) {
        candidateGroups.add(group);
    }

    @Modifies("dueInDays")
    public void dueIn(int days) {
        this.dueInDays = days;
    }

    @Modifies("priority")
    public void priority(int priority) {
        this.priority = priority;
    }

    public String getAssignee() {
        return assignee;
    }

    public void setAssignee(String assignee) {
        this.assignee = assignee;
    }

    public List<String> getCandidateGroups() {
        return candidateGroups;
    }

    public void setCandidateGroups(List<String> candidateGroups) {
        this.candidateGroups = new ArrayList<>(candidateGroups);
    }

    public Integer getDueInDays() {
        return dueInDays;
    }

    public void setDueInDays(Integer dueInDays) {
        this.dueInDays = dueInDays;
    }

    public Integer getPriority() {
        return priority;
    }

    public void setPriority(Integer priority) {
        this.priority = priority;
    }
}
