package io.ghlcredly.credly.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.jspecify.annotations.Nullable;

/** Credly's list metadata; {@code next_page_url} is absolute and null on the last page. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PageMetadata(
    @Nullable Integer count,
    @Nullable Integer currentPage,
    @Nullable Integer totalCount,
    @Nullable Integer totalPages,
    @Nullable Integer per,
    @Nullable String previousPageUrl,
    @Nullable String nextPageUrl) {}
