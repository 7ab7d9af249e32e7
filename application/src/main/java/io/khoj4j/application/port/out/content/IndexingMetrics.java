package io.khoj4j.application.port.out.content;

/** Counters and timings of indexing, for operators (Prometheus). */
public interface IndexingMetrics {

  void filesIndexed(int count);

  void filesRejected(int count);

  void chunksEmbedded(int count, long nanos);

  void chunksWritten(int added, int deleted);

  IndexingMetrics NONE = new IndexingMetrics() {
    @Override
    public void filesIndexed(int count) {}

    @Override
    public void filesRejected(int count) {}

    @Override
    public void chunksEmbedded(int count, long nanos) {}

    @Override
    public void chunksWritten(int added, int deleted) {}
  };
}
