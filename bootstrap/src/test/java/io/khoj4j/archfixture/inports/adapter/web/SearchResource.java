package io.khoj4j.archfixture.inports.adapter.web;

import io.khoj4j.archfixture.inports.application.service.SearchService;

/** Violation: the web edge calls a service instead of its use case. */
public class SearchResource {
  SearchService service;
}
