package io.khoj4j.application.port.in.migration;

/** Where an import reports what it is doing, one line at a time (the command line prints it on standard error). */
@FunctionalInterface
public interface ImportProgress {

  void line(String text);

  static ImportProgress silent() {
    return text -> {};
  }
}
