package dev.accountflow.account;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AccountRepository extends JpaRepository<Account, String> {

    boolean existsByNameKey(String nameKey);

    List<Account> findAllByOrderByName();

    List<Account> findByOwnerIdOrderByName(String ownerId);
}
