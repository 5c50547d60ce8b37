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
    private boolean priorityRaised;
    private String assignedBy;

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

    /** A process routes a task to one person (not a group) as {@code user:<id>}. */
    public static final String ROUTED_PERSON = "user:";

    /**
     * Called by the rows of the assignment table: fills in only what no earlier row decided. {@code assignTo} is
     * "owner" (the account's owner), one of the team's groups, or a user id.
     */
    public void decide(String row, String assignTo, Integer dueInDays, Integer priority, Integer priorityPoints,
                       String ownerId, String routedGroup) {
        if (TableColumn.ROUTED.equals(assignTo)) {
            // no routing decided yet: the task stays open for the rows below
            if (routedGroup != null && assignee == null && candidateGroups.isEmpty()) {
                assignedBy = row;
                // routed to a group (a product area's managers) or to one person (a colleague asked to assist)
                if (routedGroup.startsWith(ROUTED_PERSON)) {
                    assignTo(routedGroup.substring(ROUTED_PERSON.length()));
                } else {
                    offerTo(routedGroup);
                }
            }
        } else if (assignTo != null && assignee == null && candidateGroups.isEmpty()) {
            assignedBy = row;
            if (TableColumn.OWNER.equals(assignTo)) {
                assignTo(ownerId);
            } else if (AssignmentTable.GROUPS.contains(assignTo)) {
                offerTo(assignTo);
            } else {
                assignTo(assignTo);
            }
        }
        if (dueInDays != null && this.dueInDays == null) {
            this.dueInDays = dueInDays;
        }
        if (priority != null && this.priority == null) {
            this.priority = priority;
        }
        if (priorityPoints != null && this.priority != null && !priorityRaised) {
            this.priority = this.priority + priorityPoints;
            this.priorityRaised = true;
        }
    }

    /** The row that decided who gets the task; null when rules written as code decided it. */
    public String getAssignedBy() {
        return assignedBy;
    }

    public boolean isPriorityRaised() {
        return priorityRaised;
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
