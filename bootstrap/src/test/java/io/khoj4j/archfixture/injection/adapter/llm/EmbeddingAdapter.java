package io.khoj4j.archfixture.injection.adapter.llm;

/** Violation: field injection. */
public class EmbeddingAdapter {
  @jakarta.inject.Inject
  java.time.Clock clock;
}
