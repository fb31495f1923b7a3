package org.serialtracking.common;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/**
 * What the master-data entities (items, companies, locations) share: a database identity, an
 * optimistic-lock version, and equality by identity once stored (two unsaved ones are equal only
 * to themselves). The platform settings row has a fixed id and stays apart.
 */
@MappedSuperclass
public abstract class IdentifiedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    public Long getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public final boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return other != null && getClass() == other.getClass() && id != null
                && id.equals(((IdentifiedEntity) other).id);
    }

    /** Constant per class, so an entity keeps its hash when it is stored and gets its id. */
    @Override
    public final int hashCode() {
        return getClass().hashCode();
    }
}
