package io.khoj4j.application.port.in.content;

import io.khoj4j.domain.content.ContentType;
import java.util.Set;

public record ContentOverview(boolean hasDocuments, Set<ContentType> types, long indexedBytes) {}
