package io.khoj4j.application.service.auth;

import io.khoj4j.application.error.ForbiddenException;
import io.khoj4j.application.port.in.auth.ExternalLoginCommand;
import io.khoj4j.application.port.in.auth.ExternalLoginUseCase;
import io.khoj4j.application.port.in.user.ProvisionUserCommand;
import io.khoj4j.application.port.in.user.ProvisionUserUseCase;
import io.khoj4j.application.port.out.auth.ExternalIdentityRepository;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.application.port.out.user.UserRepository;
import io.khoj4j.domain.user.ExternalIdentity;
import io.khoj4j.domain.user.User;
import java.util.Optional;

/**
 * Finds or creates the user behind an OpenID Connect login. A known (issuer, subject) pair wins; otherwise the
 * provider's e-mail address links to an existing account only when the provider vouches for it (verified), so an
 * identity provider that lets anyone claim any address cannot hand out other people's accounts.
 *
 * <p>A picture the provider shares (an http(s) URL) is stored with the identity and replaced when a later login
 * brings another one; a login without a picture (access tokens often carry none) leaves the stored one alone.
 */
public final class ExternalLoginService implements ExternalLoginUseCase {

  private final UserRepository users;
  private final ExternalIdentityRepository identities;
  private final ProvisionUserUseCase provision;
  private final UnitOfWork unitOfWork;

  public ExternalLoginService(
      UserRepository users,
      ExternalIdentityRepository identities,
      ProvisionUserUseCase provision,
      UnitOfWork unitOfWork) {
    this.users = users;
    this.identities = identities;
    this.provision = provision;
    this.unitOfWork = unitOfWork;
  }

  @Override
  public User login(ExternalLoginCommand command) {
    String picture = ExternalIdentity.acceptablePicture(command.picture()).orElse(null);
    Optional<ExternalIdentity> link = identities.find(command.issuer(), command.subject());
    Optional<User> known = link.flatMap(found -> users.findById(found.user()));
    if (known.isPresent()) {
      keepPicture(link.get(), picture);
      return known.get();
    }
    if (command.email() == null || command.email().isBlank()) {
      throw new ForbiddenException("The identity provider did not share an e-mail address.");
    }
    Optional<User> sameAddress = users.findByEmail(command.email());
    if (sameAddress.isPresent() && !command.emailVerified()) {
      throw new ForbiddenException(
          "The identity provider has not verified this e-mail address, which belongs to an existing account.");
    }
    return unitOfWork.inTransaction(() -> {
      User user = provision.provision(
          new ProvisionUserCommand(command.email(), null, false, command.emailVerified()));
      ExternalIdentity stored = identities.linkIfAbsent(
          new ExternalIdentity(command.issuer(), command.subject(), user.id(), picture));
      keepPicture(stored, picture);
      return users.findById(stored.user()).orElse(user);
    });
  }

  private void keepPicture(ExternalIdentity link, String picture) {
    if (picture != null && !picture.equals(link.picture())) {
      unitOfWork.run(() -> identities.updatePicture(link.issuer(), link.subject(), picture));
    }
  }
}
