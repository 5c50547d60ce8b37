package dev.accountflow.account;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AccountRepository extends JpaRepository<Account, String> {

    boolean existsByNameKey(String nameKey);

    Optional<Account> findByNameKey(String nameKey);

    List<Account> findAllByOrderByName();

    List<Account> findByOwnerIdOrderByName(String ownerId);
}
