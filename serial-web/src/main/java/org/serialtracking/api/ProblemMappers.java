package org.serialtracking.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Every exception that leaves a resource becomes a problem response through {@link Problems}.
 * One mapper for all: JAX-RS picks the closest mapper by type, and a single catch-all means no
 * failure can escape with a container-made page (stack traces, class names).
 */
@Provider
public class ProblemMappers implements ExceptionMapper<Throwable> {

    @Override
    public Response toResponse(Throwable failure) {
        return Problems.of(failure);
    }
}
