package io.khoj4j.adapter.persistence.out.user;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of {@code users}. Lives only inside this adapter; the core sees {@link io.khoj4j.domain.user.User}. */
@Entity
@Table(name = "users")
public class UserEntity extends PanacheEntityBase {

  @Id
  public UUID id;

  @Column(nullable = false)
  public String username;

  public String email;

  @Column(name = "first_name", nullable = false)
  public String firstName;

  @Column(name = "last_name", nullable = false)
  public String lastName;

  @Column(name = "verified_email", nullable = false)
  public boolean verifiedEmail;

  @Column(name = "is_admin", nullable = false)
  public boolean admin;

  /** PBKDF2 hash ({@link io.khoj4j.domain.user.PasswordHash}); null for accounts that sign in otherwise. */
  @Column(name = "password_hash")
  public String passwordHash;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;
}
