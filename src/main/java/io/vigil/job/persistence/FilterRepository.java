package io.vigil.job.persistence;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Reads and writes {@code filters} rows. */
public interface FilterRepository extends JpaRepository<FilterEntity, String> {

    /** Reads a filter and locks its row until the surrounding transaction ends. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select f from FilterEntity f where f.filterId = :filterId")
    Optional<FilterEntity> findForUpdate(@Param("filterId") String filterId);
}
