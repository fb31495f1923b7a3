package org.serialtracking.api;

import jakarta.ejb.EJBException;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.serialtracking.common.ErrorCode;
import org.serialtracking.common.RuleViolation;
import org.serialtracking.platform.web.RequestSizeFilter;

import java.sql.SQLException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Turns any failure into a problem response: the one place that decides what a client sees.
 * Rule violations keep their code and serials; database conflicts become 409; anything unexpected
 * becomes a bare 500 (logged on the server, never described to the client).
 */
public final class Problems {

    private static final Logger LOG = Logger.getLogger(Problems.class.getName());
    private static final String TYPE_BASE = "https://serial-tracking.example/problems/";

    private Problems() {
    }

    public static Response of(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof RuleViolation v) {
            return response(v.code(), v.getMessage(), v.serials());
        }
        if (cause instanceof ConstraintViolationException cve) {
            String detail = cve.getConstraintViolations().stream()
                    .map(Problems::describe).sorted().collect(Collectors.joining("; "));
            return response(ErrorCode.VALIDATION, detail, List.of());
        }
        if (cause instanceof OptimisticLockException || cause instanceof PessimisticLockException) {
            return response(ErrorCode.CONFLICT, "The record was changed by someone else; reload and try again",
                    List.of());
        }
        String sqlState = sqlState(failure);
        if (sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P"))) {
            // connection lost or database shutting down: the request changed nothing, a retry may work
            return Response.fromResponse(response(ErrorCode.DATABASE_UNAVAILABLE,
                    "The database cannot be reached; nothing was saved. Try again in a moment", List.of()))
                    .header("Retry-After", "5").build();
        }
        if (sqlState != null) {
            switch (sqlState) {
                case "23505":
                    return response(ErrorCode.CONFLICT,
                            "A concurrent change created the same record; reload and try again", List.of());
                case "40001", "40P01", "55P03":
                    return response(ErrorCode.CONFLICT,
                            "A concurrent change touched the same records; try again", List.of());
                default:
                    break;
            }
        }
        if (causedBy(failure, RequestSizeFilter.TooLarge.class)) {
            return response(ErrorCode.REQUEST_TOO_LARGE, "The request body is larger than the server accepts",
                    List.of());
        }
        if (isMalformedJson(failure)) {
            return response(ErrorCode.BAD_REQUEST, "The request body is not valid JSON for this operation",
                    List.of());
        }
        if (cause instanceof WebApplicationException wae) {
            int status = wae.getResponse().getStatus();
            if (status < 500) {
                ErrorCode code = switch (status) {
                    case 404 -> ErrorCode.NOT_FOUND;
                    case 409 -> ErrorCode.CONFLICT;
                    case 422 -> ErrorCode.VALIDATION;
                    default -> ErrorCode.BAD_REQUEST;
                };
                return build(status, code, Response.Status.fromStatusCode(status) == null
                        ? code.title() : Response.Status.fromStatusCode(status).getReasonPhrase(), List.of());
            }
        }
        LOG.log(Level.SEVERE, "Unexpected failure answered with 500", failure);
        return Response.status(500).type(Problem.MEDIA_TYPE)
                .entity(new Problem(TYPE_BASE + "internal", "Internal error", 500,
                        "The request could not be completed; nothing was saved", "INTERNAL", null))
                .build();
    }

    public static Response response(ErrorCode code, String detail, List<String> serials) {
        return build(code.status(), code, detail, serials);
    }

    private static Response build(int status, ErrorCode code, String detail, List<String> serials) {
        Problem p = new Problem(TYPE_BASE + code.name().toLowerCase().replace('_', '-'), code.title(), status,
                detail, code.name(), serials == null || serials.isEmpty() ? null : serials);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(p).build();
    }

    /** A problem as JSON text, for the places that answer before JAX-RS runs (servlet filters). */
    public static String json(ErrorCode code, String detail, List<String> serials) {
        Problem p = (Problem) response(code, detail, serials).getEntity();
        try (Jsonb jsonb = JsonbBuilder.create()) {
            return jsonb.toJson(p);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }

    private static String describe(ConstraintViolation<?> v) {
        String path = v.getPropertyPath().toString();
        int dot = path.lastIndexOf('.');
        // "create.arg0.sku" -> "sku": the method and parameter names mean nothing to a client
        String field = dot >= 0 ? path.substring(dot + 1) : path;
        return field + " " + v.getMessage();
    }

    /** The first cause that is not a container wrapper. */
    static Throwable unwrap(Throwable t) {
        Throwable current = t;
        for (int i = 0; i < 10 && current != null; i++) {
            if (current instanceof RuleViolation || current instanceof ConstraintViolationException
                    || current instanceof OptimisticLockException || current instanceof PessimisticLockException) {
                return current;
            }
            Throwable next = current instanceof EJBException e && e.getCausedByException() != null
                    ? e.getCausedByException() : current.getCause();
            if (next == null || next == current) {
                break;
            }
            current = next;
        }
        return t;
    }

    private static String sqlState(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return null;
    }

    private static boolean isMalformedJson(Throwable t) {
        return causedBy(t, JsonbException.class) || causedBy(t, JsonParsingException.class)
                || causedBy(t, ProcessingException.class);
    }
}
