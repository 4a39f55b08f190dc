package io.vigil.job.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A row of {@code jobs}: the job configuration as JSON in API shape, its groups, and the lifecycle columns. The job
 * processor writes {@code state}, {@code open_time}, {@code finished_time} and {@code node_id} with plain SQL, so
 * this entity reads them but never writes them; {@link DynamicUpdate} keeps updates to the changed columns.
 */
@Entity
@Table(name = "jobs")
@DynamicUpdate
public class JobEntity {

    @Id
    @Column(name = "job_id")
    private String jobId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "config", nullable = false)
    private String config;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "groups", nullable = false)
    private String[] groups;

    @Column(name = "state", insertable = false, updatable = false)
    private String state;

    @Column(name = "create_time", nullable = false)
    private long createTime;

    @Column(name = "finished_time", insertable = false, updatable = false)
    private Long finishedTime;

    @Column(name = "open_time", insertable = false, updatable = false)
    private Long openTime;

    @Column(name = "node_id", insertable = false, updatable = false)
    private String nodeId;

    @Column(name = "deleting", nullable = false)
    private boolean deleting;

    // A wrapper type, so that a new entity (version null) is inserted and never merged into an existing row.
    @Version
    @Column(name = "version", nullable = false)
    private Long version;

    protected JobEntity() {}

    public JobEntity(String jobId, String config, String[] groups, long createTime) {
        this.jobId = jobId;
        this.config = config;
        this.groups = groups;
        this.createTime = createTime;
    }

    public String getJobId() {
        return jobId;
    }

    public String getConfig() {
        return config;
    }

    public void setConfig(String config) {
        this.config = config;
    }

    public String[] getGroups() {
        return groups;
    }

    public void setGroups(String[] groups) {
        this.groups = groups;
    }

    /** Returns the state column, {@code closed} for a job the processor never touched. */
    public String getState() {
        return state == null ? "closed" : state;
    }

    public long getCreateTime() {
        return createTime;
    }

    public Long getFinishedTime() {
        return finishedTime;
    }

    public Long getOpenTime() {
        return openTime;
    }

    public String getNodeId() {
        return nodeId;
    }

    public boolean isDeleting() {
        return deleting;
    }

    public void setDeleting(boolean deleting) {
        this.deleting = deleting;
    }
}
