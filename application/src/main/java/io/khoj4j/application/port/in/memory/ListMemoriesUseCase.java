package io.khoj4j.application.port.in.memory;

import io.khoj4j.domain.memory.Memory;
import java.util.List;

/** The facts the server keeps about the caller, newest first. */
public interface ListMemoriesUseCase {

  List<Memory> list(ListMemoriesQuery query);
}
