package io.khoj4j.adapter.persistence.out.shared;

import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/** {@link UnitOfWork} on the JTA transaction manager that Hibernate ORM and Agroal take part in. */
@ApplicationScoped
public class QuarkusTransactionUnitOfWork implements UnitOfWork {

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    return QuarkusTransaction.joiningExisting().call(work::get);
  }
}
