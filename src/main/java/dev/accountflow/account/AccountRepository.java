package dev.accountflow.account;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AccountRepository extends JpaRepository<Account, String> {

    boolean existsByNameKey(String nameKey);

    @org.springframework.data.jpa.repository.Query("select a.nameKey from Account a where a.nameKey in :keys")
    List<String> findNameKeysIn(@org.springframework.data.repository.query.Param("keys") java.util.Collection<String> keys);

    Optional<Account> findByNameKey(String nameKey);

    List<Account> findAllByOrderByName();

    List<Account> findByOwnerIdOrderByName(String ownerId);
}
