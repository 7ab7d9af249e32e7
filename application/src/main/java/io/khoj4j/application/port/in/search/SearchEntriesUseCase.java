package io.khoj4j.application.port.in.search;

import java.util.List;

public interface SearchEntriesUseCase {

  List<SearchResult> search(SearchEntriesQuery query);
}
