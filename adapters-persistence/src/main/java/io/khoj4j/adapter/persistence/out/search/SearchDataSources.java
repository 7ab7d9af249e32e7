package io.khoj4j.adapter.persistence.out.search;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.AgroalConnectionPoolConfiguration;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where searches read (ADR 28): a PostgreSQL hot standby when {@code khoj.search.replica.jdbc-url} is set, so that
 * ranking and reading results take load off the primary, which keeps every write. Without the setting, the primary.
 * Either way at most {@code khoj.search.database-connections} at once (by default twice the cores; ADR 38).
 *
 * <p>A standby that cannot be reached (down, restarting, refusing connections) is passed over: that search reads the
 * primary, and a warning says so at most once a minute. A standby that lags serves what it has replayed: a note
 * uploaded a moment ago may be found a moment later.
 */
@ApplicationScoped
public class SearchDataSources {

  private static final System.Logger LOG = System.getLogger(SearchDataSources.class.getName());

  @Produces
  @Singleton
  @SearchReads
  DataSource searchReads(
      DataSource primary,
      @ConfigProperty(name = "khoj.search.replica.jdbc-url") Optional<String> url,
      @ConfigProperty(name = "khoj.search.replica.username") Optional<String> username,
      @ConfigProperty(name = "khoj.search.replica.password") Optional<String> password,
      @ConfigProperty(name = "khoj.search.replica.max-connections", defaultValue = "16") int size,
      @ConfigProperty(name = "quarkus.datasource.username", defaultValue = "khoj4j")
          String primaryUser,
      @ConfigProperty(name = "quarkus.datasource.password", defaultValue = "khoj4j")
          String primaryPassword,
      @ConfigProperty(name = "khoj.search.database-connections") Optional<Integer> connections,
      @ConfigProperty(name = "quarkus.datasource.jdbc.acquisition-timeout", defaultValue = "5S")
          Duration wait)
      throws SQLException {
    // twice the cores: enough to keep them busy while some statements wait on a page read or the
    // network, few enough that backends do not crowd each other (ADR 38)
    int limit = connections.orElse(2 * Runtime.getRuntime().availableProcessors());
    if (limit < 0) {
      throw new IllegalArgumentException("khoj.search.database-connections must be 0 or more");
    }
    DataSource reads = reads(primary, url, username, password, size, primaryUser, primaryPassword);
    return limit == 0 ? reads : new BoundedConnections(reads, limit, wait);
  }

  private static DataSource reads(
      DataSource primary,
      Optional<String> url,
      Optional<String> username,
      Optional<String> password,
      int size,
      String primaryUser,
      String primaryPassword)
      throws SQLException {
    Optional<String> replica = url.map(String::strip).filter(u -> !u.isEmpty());
    if (replica.isEmpty()) {
      return primary;
    }
    AgroalDataSource pool = AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
        .connectionPoolConfiguration(p -> p.maxSize(size)
            .acquisitionTimeout(Duration.ofSeconds(2))
            // a pooled connection to a standby that went away is found out before a search uses it
            .validateOnBorrow(true)
            .connectionValidator(
                AgroalConnectionPoolConfiguration.ConnectionValidator.defaultValidator())
            .connectionFactoryConfiguration(f -> f.jdbcUrl(replica.get())
                .principal(new NamePrincipal(username.orElse(primaryUser)))
                .credential(new SimplePassword(password.orElse(primaryPassword)))
                .loginTimeout(Duration.ofSeconds(2)))));
    LOG.log(System.Logger.Level.INFO, "Searches read from the replica at {0}", replica.get());
    return new ReplicaFirst(pool, primary);
  }

  void close(@Disposes @SearchReads DataSource reads) {
    if (reads instanceof BoundedConnections bounded) {
      reads = bounded.connections();
    }
    if (reads instanceof ReplicaFirst replicaFirst) {
      replicaFirst.replica().close();
    }
  }

  /** Connections from the replica, or from the primary while the replica cannot be reached. */
  record ReplicaFirst(AgroalDataSource replica, DataSource primary, AtomicLong lastWarning)
      implements SearchDataSource {

    ReplicaFirst(AgroalDataSource replica, DataSource primary) {
      this(replica, primary, new AtomicLong());
    }

    @Override
    public Connection getConnection() throws SQLException {
      try {
        return replica.getConnection();
      } catch (SQLException unreachable) {
        long now = System.nanoTime();
        long last = lastWarning.get();
        if ((last == 0 || now - last > Duration.ofMinutes(1).toNanos())
            && lastWarning.compareAndSet(last, now)) {
          LOG.log(
              System.Logger.Level.WARNING,
              "The search replica cannot be reached ({0}); searching the primary",
              unreachable.getMessage());
        }
        return primary.getConnection();
      }
    }
  }
}
