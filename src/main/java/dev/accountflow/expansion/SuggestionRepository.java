package dev.accountflow.expansion;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface SuggestionRepository extends JpaRepository<ExpansionSuggestion, String> {

    List<ExpansionSuggestion> findByAccountIdAndStatus(String accountId, ExpansionSuggestion.Status status);

    List<ExpansionSuggestion> findByAccountIdInAndStatus(java.util.Collection<String> accountIds,
                                                         ExpansionSuggestion.Status status);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from ExpansionSuggestion s where s.id = :id")
    Optional<ExpansionSuggestion> lockById(String id);
}
