package io.vigil.job.domain;

import io.vigil.common.VigilException;
import io.vigil.job.FilterUpdatedEvent;
import io.vigil.job.MlFilter;
import io.vigil.job.persistence.FilterEntity;
import io.vigil.job.persistence.FilterRepository;
import io.vigil.job.persistence.JobRepository;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates, reads, updates and deletes filters, the value lists that custom rule scopes refer to. Items are kept
 * sorted and unique, at most 10,000 per filter. Messages are Elasticsearch's (x-pack {@code MlFilter} and the
 * filter transport actions).
 */
@Service
public class FilterService {

    private static final Logger log = LoggerFactory.getLogger(FilterService.class);

    /** One page of filters and the total number stored. */
    public record Page(long count, List<MlFilter> filters) {}

    private final FilterRepository filters;
    private final JobRepository jobs;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    FilterService(
            FilterRepository filters,
            JobRepository jobs,
            ApplicationEventPublisher events,
            TransactionTemplate transactions) {
        this.filters = filters;
        this.jobs = jobs;
        this.events = events;
        this.transactions = transactions;
    }

    public MlFilter create(String filterId, MlFilter request) {
        if (request.filterId() != null && !request.filterId().equals(filterId)) {
            throw ConfigErrors.illegalArgument("Inconsistent filter_id; '" + request.filterId()
                    + "' specified in the body differs from '" + filterId + "' specified as a URL argument");
        }
        if (!JobIds.isValid(filterId)) {
            throw ConfigErrors.invalid("Invalid filter_id; '" + filterId + "' can contain lowercase alphanumeric "
                    + "(a-z and 0-9), hyphens or underscores; must start and end with alphanumeric");
        }
        MlFilter filter = new MlFilter(filterId, request.description(), sortedItems(filterId, request.items()));
        try {
            filters.saveAndFlush(toEntity(filter));
        } catch (DataIntegrityViolationException e) {
            throw VigilException.alreadyExists("A filter with id [" + filterId + "] already exists");
        }
        log.info("Created filter [{}] with {} items", filterId, filter.items().size());
        return filter;
    }

    public MlFilter get(String filterId) {
        return filters.findById(filterId).map(FilterService::toFilter).orElseThrow(() -> notFound(filterId));
    }

    /** Returns the filters sorted by id, {@code size} of them from position {@code from}. */
    public Page list(int from, int size) {
        List<MlFilter> all = filters.findAll(Sort.by("filterId")).stream()
                .map(FilterService::toFilter)
                .toList();
        List<MlFilter> page = all.stream().skip(from).limit(size).toList();
        return new Page(all.size(), page);
    }

    public MlFilter update(String filterId, FilterUpdate update) {
        if (update.filterId() != null && !update.filterId().equals(filterId)) {
            throw ConfigErrors.illegalArgument("Inconsistent filter_id; '" + update.filterId()
                    + "' specified in the body differs from '" + filterId + "' specified as a URL argument");
        }
        // The row lock serializes concurrent updates of one filter, so that none of their items get lost.
        Change change = transactions.execute(status -> applyLocked(filterId, update));
        if (change.changed()) {
            events.publishEvent(new FilterUpdatedEvent(change.filter(), change.added(), change.removed()));
            log.info(
                    "Updated filter [{}]: {} items added, {} removed",
                    filterId,
                    change.added().size(),
                    change.removed().size());
        }
        return change.filter();
    }

    private record Change(MlFilter filter, List<String> added, List<String> removed, boolean changed) {}

    private Change applyLocked(String filterId, FilterUpdate update) {
        MlFilter current =
                filters.findForUpdate(filterId).map(FilterService::toFilter).orElseThrow(() -> notFound(filterId));
        TreeSet<String> items = new TreeSet<>(current.items());
        List<String> added = new ArrayList<>();
        for (String item : nullToEmpty(update.addItems())) {
            if (items.add(item)) {
                added.add(item);
            }
        }
        for (String item : nullToEmpty(update.removeItems())) {
            if (!items.remove(item)) {
                throw ConfigErrors.invalid(
                        "Cannot remove item [" + item + "] as it is not present in filter [" + filterId + "]");
            }
        }
        String description = update.description() != null ? update.description() : current.description();
        MlFilter updated = new MlFilter(filterId, description, sortedItems(filterId, List.copyOf(items)));
        if (updated.equals(current)) {
            return new Change(current, List.of(), List.of(), false);
        }
        filters.save(toEntity(updated, false));
        return new Change(updated, List.copyOf(added), List.copyOf(nullToEmpty(update.removeItems())), true);
    }

    public void delete(String filterId) {
        List<String> users = jobs.findJobIdsUsingFilter(filterId);
        if (!users.isEmpty()) {
            throw VigilException.statusError(
                    HttpStatus.CONFLICT, "Cannot delete filter [" + filterId + "] currently used by jobs " + users);
        }
        if (!filters.existsById(filterId)) {
            throw VigilException.notFound(
                    "Could not delete filter with ID [" + filterId + "] because it does not exist");
        }
        filters.deleteById(filterId);
        log.info("Deleted filter [{}]", filterId);
    }

    /**
     * Checks that every filter a job's custom rules refer to exists.
     *
     * @throws VigilException 400 naming the first missing filter
     */
    public void checkExist(Collection<String> filterIds) {
        for (String filterId : new TreeSet<>(filterIds)) {
            if (!filters.existsById(filterId)) {
                throw ConfigErrors.illegalArgument("No filter with id [" + filterId + "] exists; create it with "
                        + "PUT _ml/filters/" + filterId + " before a custom rule refers to it");
            }
        }
    }

    private static List<String> sortedItems(String filterId, List<String> items) {
        if (items == null) {
            throw ConfigErrors.illegalArgument("[items] must not be null; give the filter's values as an array, "
                    + "for example \"items\": [\"a\", \"b\"]");
        }
        if (items.stream().anyMatch(Objects::isNull)) {
            throw ConfigErrors.illegalArgument("[items] of filter [" + filterId + "] cannot contain null");
        }
        List<String> sorted = List.copyOf(new TreeSet<>(items));
        if (sorted.size() > JobDefaults.MAX_FILTER_ITEMS) {
            throw ConfigErrors.invalid("Filter [" + filterId + "] contains too many items; up to ["
                    + JobDefaults.MAX_FILTER_ITEMS + "] items are allowed");
        }
        return sorted;
    }

    private static VigilException notFound(String filterId) {
        return VigilException.notFound("No filter with id [" + filterId + "] exists");
    }

    private static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static FilterEntity toEntity(MlFilter filter) {
        return toEntity(filter, true);
    }

    private static FilterEntity toEntity(MlFilter filter, boolean isNew) {
        return new FilterEntity(
                filter.filterId(), filter.description(), filter.items().toArray(String[]::new), isNew);
    }

    private static MlFilter toFilter(FilterEntity entity) {
        return new MlFilter(entity.getFilterId(), entity.getDescription(), Arrays.asList(entity.getItems()));
    }
}
