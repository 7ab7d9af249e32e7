package io.khoj4j.archfixture.langchain.adapter.connector;

/** Violation: LangChain4j outside the llm adapter. */
public class NotionReader {
  dev.langchain4j.data.segment.TextSegment segment;
}
