package io.khoj4j.adapter.persistence.out.search;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source the searches read through, over pools configured elsewhere: it has their credentials, and no log
 * writer or login time-out of its own. Only {@link #getConnection()} is left to say.
 */
interface SearchDataSource extends DataSource {

  @Override
  default Connection getConnection(String user, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException("the search data source has its own credentials");
  }

  @Override
  default PrintWriter getLogWriter() {
    return null;
  }

  @Override
  default void setLogWriter(PrintWriter out) {}

  @Override
  default void setLoginTimeout(int seconds) {}

  @Override
  default int getLoginTimeout() {
    return 0;
  }

  @Override
  default Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  default <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new SQLException("not a wrapper of " + type);
  }

  @Override
  default boolean isWrapperFor(Class<?> type) throws SQLException {
    return type.isInstance(this);
  }
}
