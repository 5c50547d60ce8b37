package dev.accountflow.escalation;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface EscalationEntryRepository extends JpaRepository<EscalationEntry, String> {

    List<EscalationEntry> findByEscalationIdOrderByHappenedAt(String escalationId);

    /** The histories of a page of escalations in one query. */
    List<EscalationEntry> findByEscalationIdInOrderByHappenedAt(Collection<String> escalationIds);

    boolean existsByEscalationIdAndKindAndDetail(String escalationId, EntryKind kind, String detail);
}
