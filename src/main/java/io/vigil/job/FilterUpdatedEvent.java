package io.vigil.job;

import java.util.List;

/**
 * Published after a filter's items or description changed, so that running jobs whose custom rules refer to the
 * filter can use the new items. {@code addedItems} and {@code removedItems} list what the change did to the items.
 */
public record FilterUpdatedEvent(MlFilter filter, List<String> addedItems, List<String> removedItems) {}
