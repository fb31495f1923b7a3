package org.serialtracking.api;

import jakarta.validation.ValidationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Bean Validation failures of request bodies and parameters. Declared on its own because the
 * JAX-RS runtime ships a mapper for this exact type, which would otherwise win over the catch-all.
 */
@Provider
public class ValidationProblemMapper implements ExceptionMapper<ValidationException> {

    @Override
    public Response toResponse(ValidationException failure) {
        return Problems.of(failure);
    }
}
