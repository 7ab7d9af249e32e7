package io.khoj4j.adapter.web.in.page;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Serves an operator's static web export ({@code khoj.web-client.static-export}, {@link StaticExport}): its {@code /_next}
 * assets and the files at its top level ({@code /favicon.ico}, …), public like the built-in client's {@code /assets},
 * with no redirect for a trailing slash. The page routes stay in {@link WebClientResource}, which asks the export
 * first. Without the setting nothing here is registered.
 */
@ApplicationScoped
public class StaticExportRoutes {

  private static final Logger LOG = Logger.getLogger(StaticExportRoutes.class);
  /** Next.js puts a content hash in the names of what it writes under {@code /_next/static}. */
  private static final String IMMUTABLE = "public, max-age=31536000, immutable";

  private final StaticExport export;

  public StaticExportRoutes(StaticExport export) {
    this.export = export;
  }

  /** The export named by {@code khoj.web-client.static-export}, or none. */
  @Produces
  @Singleton
  static StaticExport staticExport(
      @ConfigProperty(name = "khoj.web-client.static-export") Optional<String> folder) {
    Optional<String> named = folder.map(String::strip).filter(f -> !f.isEmpty());
    if (named.isEmpty()) {
      return StaticExport.NONE;
    }
    StaticExport export = StaticExport.of(Path.of(named.get()));
    LOG.infof("Serving the static web export in %s instead of the built-in client", named.get());
    return export;
  }

  void register(@Observes Router router) {
    if (!export.enabled()) {
      return;
    }
    router.getWithRegex("/_next/.+").handler(context -> serve(context, true));
    router.getWithRegex("/[^/]+\\.[A-Za-z0-9]+").handler(context -> serve(context, false));
  }

  private void serve(RoutingContext context, boolean assets) {
    Optional<Path> file = export.file(context.normalizedPath().substring(1));
    if (file.isEmpty()) {
      if (assets) {
        context.response().setStatusCode(404).end();
      } else {
        context.next();
      }
      return;
    }
    if (context.normalizedPath().startsWith("/_next/static/")) {
      context.response().putHeader("Cache-Control", IMMUTABLE);
    }
    context.response().sendFile(file.get().toString());
  }
}
