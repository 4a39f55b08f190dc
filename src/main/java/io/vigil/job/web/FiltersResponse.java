package io.vigil.job.web;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.vigil.job.MlFilter;
import java.util.List;

/** The response of {@code GET _ml/filters}: the number of filters stored and the requested page of them. */
@JsonPropertyOrder({"count", "filters"})
record FiltersResponse(long count, List<MlFilter> filters) {}
