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
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.serialtracking.common.ErrorCode;
import org.serialtracking.common.RuleViolation;
import org.serialtracking.platform.control.DatabaseRefusal;
import org.serialtracking.platform.web.RequestSizeFilter;

import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
        for (Throwable c = failure; c != null && c.getCause() != c; c = c.getCause()) {
            if (c instanceof WebApplicationException wae && wae.getResponse().getEntity() instanceof Problem) {
                return wae.getResponse(); // a refusal that is a problem already (TextGuard)
            }
        }
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
        // a ledger rule the database refused on any path (a service that did not translate it itself)
        Optional<RuleViolation> ledger = DatabaseRefusal.ledgerRule(failure);
        if (ledger.isPresent()) {
            return response(ledger.get().code(), ledger.get().getMessage(), List.of());
        }
        DatabaseRefusal.Kind refused = DatabaseRefusal.kindOf(failure).orElse(DatabaseRefusal.Kind.OTHER);
        switch (refused) {
            case UNAVAILABLE:
                // connection lost or database shutting down: the request changed nothing, a retry may work
                return Response.fromResponse(response(ErrorCode.DATABASE_UNAVAILABLE,
                        "The database cannot be reached; nothing was saved. Try again in a moment", List.of()))
                        .header("Retry-After", "5").build();
            case DUPLICATE:
                return response(ErrorCode.CONFLICT,
                        "A concurrent change created the same record; reload and try again", List.of());
            case OUT_OF_RANGE:
                // every quantity is bounded before it is saved; a sum of them (stock) may still
                // outgrow the column, which is the client's number, not a server failure
                return response(ErrorCode.VALIDATION, "A quantity is out of range", List.of());
            case CONCURRENT:
                return response(ErrorCode.CONFLICT,
                        "A concurrent change touched the same records; try again", List.of());
            default:
                break;
        }
        if (causedBy(failure, RequestSizeFilter.TooLarge.class)) {
            return response(ErrorCode.REQUEST_TOO_LARGE, "The request body is larger than the server accepts",
                    List.of());
        }
        if (isMalformedJson(failure)) {
            return response(ErrorCode.BAD_REQUEST, "The request body is not valid JSON for this operation",
                    List.of());
        }
        if (cause instanceof WebApplicationException wae && wae.getResponse().getStatus() < 500) {
            return refusedByJaxRs(wae);
        }
        LOG.log(Level.SEVERE, "Unexpected failure answered with 500", failure);
        return internal();
    }

    /**
     * What JAX-RS itself refuses (no such path, wrong method, unacceptable or unsupported media
     * type, a parameter of the wrong type), with a code of its own per status; the headers that tell
     * the client what would work (Allow, WWW-Authenticate) are kept.
     */
    private static Response refusedByJaxRs(WebApplicationException wae) {
        Response refused = wae.getResponse();
        int status = refused.getStatus();
        Optional<String> parameter = (wae instanceof NotFoundException || wae instanceof BadRequestException)
                && wae.getCause() != null ? unconvertibleParameter(wae.getMessage()) : Optional.empty();
        if (parameter.isPresent()) {
            // JAX-RS answers 404 for a query or path parameter it cannot convert (limit=abc): the
            // resource exists, the request is wrong
            return response(ErrorCode.BAD_REQUEST, parameter.get() + " has a value of the wrong type", List.of());
        }
        ErrorCode code = codeFor(status);
        Response.Status known = Response.Status.fromStatusCode(status);
        String detail = switch (code) {
            case NOT_FOUND -> "There is no resource at this address";
            case METHOD_NOT_ALLOWED -> "This resource does not answer to that method"
                    + (refused.getHeaderString("Allow") == null ? "" : "; allowed: " + refused.getHeaderString("Allow"));
            case NOT_ACCEPTABLE -> "This resource cannot answer in any of the media types the request accepts";
            case UNSUPPORTED_MEDIA_TYPE -> "This resource does not read a body of that media type";
            case UNAUTHORIZED -> "Credentials are required";
            case FORBIDDEN -> "The caller's role may not do this";
            default -> known == null ? code.title() : known.getReasonPhrase();
        };
        Response.ResponseBuilder problem = Response.fromResponse(build(status, code, detail, List.of()));
        for (String header : List.of("Allow", "WWW-Authenticate")) {
            if (refused.getHeaderString(header) != null) {
                problem.header(header, refused.getHeaderString(header));
            }
        }
        return problem.build();
    }

    /** The stable code of an HTTP status that JAX-RS or the container chose. */
    public static ErrorCode codeFor(int status) {
        return switch (status) {
            case 401 -> ErrorCode.UNAUTHORIZED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 406 -> ErrorCode.NOT_ACCEPTABLE;
            case 409 -> ErrorCode.CONFLICT;
            case 413 -> ErrorCode.REQUEST_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 422 -> ErrorCode.VALIDATION;
            default -> ErrorCode.BAD_REQUEST;
        };
    }

    private static final Pattern PARAMETER = Pattern.compile("\\b(Query|Path|Matrix|Header|Cookie|Form)Param\\(\"([^\"]{1,100})\"\\)");

    /**
     * The parameter JAX-RS could not convert, named as the client knows it (RESTEasy says which in
     * its message); the value itself is never repeated back.
     */
    static Optional<String> unconvertibleParameter(String message) {
        if (message == null) {
            return Optional.empty();
        }
        Matcher m = PARAMETER.matcher(message);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(m.group(1).toLowerCase(java.util.Locale.ROOT) + " parameter '" + m.group(2) + "'");
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
        return json(response(code, detail, serials));
    }

    /**
     * The problem for a status the container chose itself (error pages): its code for a refusal,
     * the bare internal error for a failure.
     */
    public static Response forStatus(int status, String detail) {
        if (status >= 500) {
            return internal();
        }
        return build(status, codeFor(status), detail, List.of());
    }

    /** The JSON text of a problem response's entity. */
    public static String json(Response problem) {
        try (Jsonb jsonb = JsonbBuilder.create()) {
            return jsonb.toJson(problem.getEntity());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Response internal() {
        return Response.status(500).type(Problem.MEDIA_TYPE)
                .entity(new Problem(TYPE_BASE + "internal", "Internal error", 500,
                        "The request could not be completed; nothing was saved", "INTERNAL", null))
                .build();
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

    private static boolean isMalformedJson(Throwable t) {
        return causedBy(t, JsonbException.class) || causedBy(t, JsonParsingException.class)
                || causedBy(t, ProcessingException.class);
    }
}
