package io.khoj4j.bootstrap.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Records what one logger writes while it is open: level, formatted message, the request id in the log context (MDC)
 * at the moment of logging, and the exception.
 */
public final class CapturedLog implements AutoCloseable {

  /** One log record as the log line shows it. */
  public record Line(Level level, String message, String requestId, Throwable thrown) {}

  private final Logger logger;
  private final List<Line> lines = new CopyOnWriteArrayList<>();
  private final Handler handler = new Handler() {
    @Override
    public void publish(LogRecord record) {
      ExtLogRecord ext = (ExtLogRecord) record;
      lines.add(new Line(
          record.getLevel(),
          ext.getFormattedMessage(),
          ext.getMdc("request_id"),
          record.getThrown()));
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  private CapturedLog(String loggerName) {
    this.logger = Logger.getLogger(loggerName);
    logger.addHandler(handler);
  }

  public static CapturedLog of(String loggerName) {
    return new CapturedLog(loggerName);
  }

  public List<Line> lines() {
    return List.copyOf(lines);
  }

  @Override
  public void close() {
    logger.removeHandler(handler);
  }
}
