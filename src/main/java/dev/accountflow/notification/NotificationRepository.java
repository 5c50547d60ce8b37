package dev.accountflow.notification;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface NotificationRepository extends JpaRepository<Notification, String> {

    boolean existsByDedupeKey(String dedupeKey);

    List<Notification> findAllByOrderByCreatedAtDesc(Pageable page);

    List<Notification> findByRecipientUserIdOrderByCreatedAtDesc(String userId, Pageable page);

    List<Notification> findByDedupeKeyStartingWith(String prefix);

    @Query("""
            select n.id from Notification n
            where n.status = dev.accountflow.notification.NotificationStatus.PENDING
              and n.nextAttemptAt <= :now and (n.claimedUntil is null or n.claimedUntil < :now)
            order by n.nextAttemptAt""")
    List<String> findDue(Instant now, Pageable page);

    /** Takes a lease on one notification so that only one node sends it; 0 when another node was quicker. */
    @Modifying
    @Query("""
            update Notification n set n.claimedUntil = :until, n.version = n.version + 1
            where n.id = :id and n.status = dev.accountflow.notification.NotificationStatus.PENDING
              and (n.claimedUntil is null or n.claimedUntil < :now)""")
    int claim(String id, Instant now, Instant until);
}
