package io.khoj4j.application.port.in.content;

import io.khoj4j.domain.content.IndexedFile;
import java.util.List;

public record FilePage(List<IndexedFile> files, int numPages) {}
