package dev.accountflow.featurerequest;

import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface FeatureRequestRepository extends JpaRepository<FeatureRequest, String> {

    /** The accounts asking for a master request: its own and its duplicates', each once. */
    @Query("select distinct r.accountId from FeatureRequest r where r.id = :masterId or r.masterId = :masterId")
    List<String> requestingAccountIds(String masterId);

    List<FeatureRequest> findByMasterIdOrderByCreatedAt(String masterId);

    /** Open masters of one area (or of none), the candidates a new request may duplicate. */
    List<FeatureRequest> findByMasterIdIsNullAndProductAreaAndStatusInOrderByArrAtStakeDesc(ProductArea area,
            Collection<FeatureRequestStatus> open, Pageable page);

    List<FeatureRequest> findByMasterIdIsNullAndProductAreaIsNullAndStatusInOrderByArrAtStakeDesc(
            Collection<FeatureRequestStatus> open, Pageable page);

    /** The board: masters by status, most ARR at stake first. */
    Page<FeatureRequest> findByMasterIdIsNullAndStatusInOrderByProductAreaAscArrAtStakeDesc(
            Collection<FeatureRequestStatus> statuses, Pageable page);

    Page<FeatureRequest> findByAccountIdInOrderByCreatedAtDesc(Collection<String> accountIds, Pageable page);

    Page<FeatureRequest> findAllByOrderByCreatedAtDesc(Pageable page);

    List<FeatureRequest> findByAccountIdOrderByCreatedAtDesc(String accountId);

    /** An account's requests of one business impact (those blocking its renewal, say), oldest first. */
    List<FeatureRequest> findByAccountIdAndBusinessImpactOrderByCreatedAt(String accountId, BusinessImpact impact);
}
