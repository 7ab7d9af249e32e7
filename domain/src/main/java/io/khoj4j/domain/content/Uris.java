package io.khoj4j.domain.content;

/** Khoj's entry links: a web address stays as it is; a local path becomes {@code file://path}. */
public final class Uris {

  private Uris() {}

  public static String forFile(String file) {
    if (file.startsWith("http://") || file.startsWith("https://") || file.startsWith("file://")) {
      return file;
    }
    return "file://" + file;
  }

  public static String forLine(String file, int line) {
    if (file.startsWith("http://") || file.startsWith("https://")) {
      return file;
    }
    return forFile(file) + "#line=" + line;
  }
}
