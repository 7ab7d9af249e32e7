package io.khoj4j.archfixture.fetch.adapter.llm;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;

/** Violation: opens a given URL itself instead of through the fetcher. */
public class ImageDownloader {
  InputStream download(URL url) throws IOException {
    return url.openStream();
  }
}
