package io.khoj4j.adapter.persistence.out.user;

import io.khoj4j.domain.user.User;
import io.khoj4j.domain.user.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A user read by plain SQL beside another table's row (the lookups that authenticate every request join the user to
 * the token or session): the columns to select from {@code users} under the alias {@code u}, and their mapping.
 */
public final class UserRows {

  /** The select list; each column is prefixed {@code u_} so it cannot clash with the joined table's. */
  public static final String COLUMNS = "u.id as u_id, u.username as u_username, u.email as u_email,"
      + " u.first_name as u_first_name, u.last_name as u_last_name,"
      + " u.verified_email as u_verified_email, u.is_admin as u_is_admin, u.created_at as u_created_at";

  private UserRows() {}

  /** The user on the current row of a result selected with {@link #COLUMNS}. */
  public static User map(ResultSet rs) throws SQLException {
    return new User(
        new UserId(rs.getObject("u_id", UUID.class)),
        rs.getString("u_username"),
        rs.getString("u_email"),
        rs.getString("u_first_name"),
        rs.getString("u_last_name"),
        rs.getBoolean("u_verified_email"),
        rs.getBoolean("u_is_admin"),
        rs.getObject("u_created_at", OffsetDateTime.class).toInstant());
  }
}
