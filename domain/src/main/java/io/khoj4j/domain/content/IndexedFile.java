package io.khoj4j.domain.content;

import io.khoj4j.domain.user.UserId;
import java.time.Instant;
import java.util.UUID;

/**
 * One indexed file (Khoj's FileObject): its whole text, for listing, viewing and grepping. {@code sizeBytes} is the
 * size of the file the client sent; {@code indexedBytes} the UTF-8 size of its chunks' text, which is what a user's
 * index space counts.
 */
public record IndexedFile(
    UUID id,
    UserId owner,
    String name,
    ContentType type,
    ContentSource source,
    String rawText,
    long sizeBytes,
    long indexedBytes,
    Instant updatedAt) {}
