package dev.accountflow.account;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ContactRepository extends JpaRepository<Contact, String> {

    List<Contact> findByAccountIdOrderByName(String accountId);
}
