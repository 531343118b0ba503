package io.ghlcredly.ghl.api;

import org.jspecify.annotations.Nullable;

/**
 * Do-not-disturb state of one channel ({@code Call}, {@code Email}, {@code SMS}, {@code WhatsApp},
 * {@code GMB}, {@code FB}).
 *
 * @param status {@code active}, {@code inactive} or {@code permanent}
 */
public record GhlDndSetting(
    @Nullable String status, @Nullable String message, @Nullable String code) {}
