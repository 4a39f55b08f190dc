package io.vigil.job.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.springframework.data.domain.Persistable;

/**
 * A row of {@code filters}: a filter's id, description and sorted, unique items. A new entity is inserted, never
 * merged, so saving a filter whose id is taken fails with a key violation instead of replacing the stored one.
 */
@Entity
@Table(name = "filters")
public class FilterEntity implements Persistable<String> {

    @Id
    @Column(name = "filter_id")
    private String filterId;

    @Column(name = "description")
    private String description;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "items", nullable = false)
    private String[] items;

    @Transient
    private boolean isNew = true;

    protected FilterEntity() {}

    /** Creates an entity to insert ({@code isNew}) or to replace the stored filter with the same id. */
    public FilterEntity(String filterId, String description, String[] items, boolean isNew) {
        this.filterId = filterId;
        this.description = description;
        this.items = items;
        this.isNew = isNew;
    }

    public String getFilterId() {
        return filterId;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String[] getItems() {
        return items;
    }

    public void setItems(String[] items) {
        this.items = items;
    }

    @Override
    public String getId() {
        return filterId;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    @PostLoad
    @PostPersist
    void markStored() {
        isNew = false;
    }
}
