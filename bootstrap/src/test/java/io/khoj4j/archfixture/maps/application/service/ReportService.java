package io.khoj4j.archfixture.maps.application.service;

import java.util.List;
import java.util.Map;

/** Violation: a service keeps wire-shaped JSON, nested in a list, instead of a typed record. */
public class ReportService {
  private List<Map<String, Object>> rows;
}
