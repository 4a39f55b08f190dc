package io.vigil.job.persistence;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

/** Reads and writes {@code jobs} rows. */
public interface JobRepository extends JpaRepository<JobEntity, String> {

    /** A job's id and groups, all that resolving an expression needs. */
    interface IdAndGroups {
        String getJobId();

        String[] getGroups();
    }

    @Query("select j.jobId as jobId, j.groups as groups from JobEntity j order by j.jobId")
    List<IdAndGroups> findAllIdsAndGroups();

    List<JobEntity> findByJobIdInOrderByJobId(Collection<String> jobIds);

    @Query(value = "select state from jobs where job_id = :jobId", nativeQuery = true)
    Optional<String> findStateByJobId(@Param("jobId") String jobId);

    /** Returns the state like {@link #findStateByJobId}, with a share lock on the row until the transaction ends. */
    @Query(value = "select state from jobs where job_id = :jobId for share", nativeQuery = true)
    Optional<String> lockStateByJobId(@Param("jobId") String jobId);

    @Query(value = "select job_id from jobs where state = :state order by job_id", nativeQuery = true)
    List<String> findJobIdsByState(@Param("state") String state);

    @Query(value = "select exists (select 1 from jobs where :group = any (groups))", nativeQuery = true)
    boolean existsGroup(@Param("group") String group);

    /** Returns the jobs whose custom rule scopes refer to the filter, sorted by job id. */
    @Query(
            value = "select job_id from jobs where jsonb_path_exists(config,"
                    + " '$.analysis_config.detectors[*].custom_rules[*].scope.* ? (@.filter_id == $id)',"
                    + " jsonb_build_object('id', cast(:filterId as text))) order by job_id",
            nativeQuery = true)
    List<String> findJobIdsUsingFilter(@Param("filterId") String filterId);

    @Transactional
    @Modifying
    @Query(value = "update jobs set deleting = true where job_id = :jobId", nativeQuery = true)
    int markDeleting(@Param("jobId") String jobId);
}
