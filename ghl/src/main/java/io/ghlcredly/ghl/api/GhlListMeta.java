package io.ghlcredly.ghl.api;

import org.jspecify.annotations.Nullable;

/**
 * Paging block of {@code GET /contacts/} (schema {@code ContactsMetaSchema}; the spec defines it
 * but forgets to put it into the response, real answers carry it).
 *
 * @param startAfter epoch milliseconds to send as {@code startAfter} for the next page
 * @param startAfterId id to send as {@code startAfterId} for the next page
 */
public record GhlListMeta(
    @Nullable Long total,
    @Nullable String nextPageUrl,
    @Nullable String startAfterId,
    @Nullable Long startAfter,
    @Nullable Integer currentPage,
    @Nullable Integer nextPage,
    @Nullable Integer prevPage) {}
