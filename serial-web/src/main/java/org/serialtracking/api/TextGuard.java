package org.serialtracking.api;

import jakarta.annotation.Priority;
import jakarta.json.Json;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import org.serialtracking.common.ErrorCode;
import org.serialtracking.common.Text;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The API's edge rule for text: no JSON string value, query parameter or path parameter may hold a
 * control character (Unicode Cc, e.g. U+0000) or half of a surrogate pair; such a request is refused
 * with 422 before any resource runs, naming the field by its JSON path ({@code lines[0].location})
 * or parameter. The services check the same rule ({@link Text}) where they convert commands; this
 * edge means that no endpoint, present or future, can forget it.
 * <p>
 * Values in serial lists ({@code serials}, {@code exclude}) and serial parameters are serials, so
 * they are refused as the serial rules refuse them: INVALID_SERIAL, naming the serial. Line breaks
 * and tabs pass only in a body declared {@link LineBreaksAllowed} (pasted serials). The one control
 * character a serial entry may carry is GS (U+001D): a GS1 barcode's FNC1 separator, read by the
 * service where the line says its serials are GS1 (and refused by the serial rules where it does not).
 */
@Provider
@Priority(Priorities.USER)
public class TextGuard implements ContainerRequestFilter, ReaderInterceptor {

    /** JSON names whose array values, and parameter names whose values, are serials. */
    static final Set<String> SERIAL_NAMES = Set.of("serials", "exclude", "serial");

    /** FNC1 of a GS1 barcode as scanners send it (ASCII 29, GS). */
    static final char GS1_SEPARATOR = '\u001d';

    /** Why a request is refused: the problem it becomes. */
    record Refusal(ErrorCode code, String detail, List<String> serials) {
    }

    /** The refusal, carried out of a reader interceptor or filter as the problem it is. */
    static final class Refused extends WebApplicationException {
        Refused(Refusal refusal) {
            super(Problems.response(refusal.code(), refusal.detail(), refusal.serials()));
        }
    }

    @Override
    public void filter(ContainerRequestContext request) {
        UriInfo uri = request.getUriInfo();
        MultivaluedMap<String, String> query;
        try {
            query = uri.getQueryParameters(true);
        } catch (IllegalArgumentException badEscape) {
            throw new Refused(new Refusal(ErrorCode.BAD_REQUEST, "The query string is not properly percent-encoded",
                    List.of()));
        }
        check("query parameter", query);
        check("path parameter", uri.getPathParameters(true));
    }

    private static void check(String kind, MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> p : parameters.entrySet()) {
            for (String value : p.getValue()) {
                Optional<Refusal> refusal = check(kind + " '" + p.getKey() + "'", SERIAL_NAMES.contains(p.getKey()),
                        value, false);
                if (refusal.isPresent()) {
                    throw new Refused(refusal.get());
                }
            }
        }
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (!isJson(context.getMediaType())) {
            return context.proceed();
        }
        byte[] body = context.getInputStream().readAllBytes();
        if (mayHoldForbiddenText(body)) {
            Optional<Refusal> refusal = scan(body, allowsLineBreaks(context.getAnnotations()));
            if (refusal.isPresent()) {
                throw new Refused(refusal.get());
            }
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    static boolean isJson(MediaType type) {
        return type != null && ("json".equalsIgnoreCase(type.getSubtype())
                || type.getSubtype().toLowerCase(java.util.Locale.ROOT).endsWith("+json"));
    }

    private static boolean allowsLineBreaks(Annotation[] annotations) {
        if (annotations != null) {
            for (Annotation a : annotations) {
                if (a instanceof LineBreaksAllowed) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * False when no string in the body can hold a forbidden character: JSON writes control
     * characters and surrogates inside strings only as escapes (a backslash), except DEL and the C1
     * controls, which may stand as themselves (0x7F, or 0xC2 0x80–0x9F in UTF-8). A raw control byte
     * below 0x20 makes the JSON invalid unless it is white space between tokens, so those are
     * scanned too. Most bodies have none of these and are not parsed twice.
     */
    static boolean mayHoldForbiddenText(byte[] body) {
        for (int i = 0; i < body.length; i++) {
            int b = body[i] & 0xFF;
            if (b == '\\' || b < 0x20 || b == 0x7F
                    || (b == 0xC2 && i + 1 < body.length && (body[i + 1] & 0xFF) >= 0x80 && (body[i + 1] & 0xFF) <= 0x9F)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Walks the JSON, keeping the path of each value, to the first string that may not pass;
     * malformed JSON is left to the JSON binding, which refuses it (400).
     */
    static Optional<Refusal> scan(byte[] body, boolean lineBreaksAllowed) {
        Deque<Object> path = new ArrayDeque<>(); // String: the member name; int[]: the index in an array
        try (JsonParser parser = Json.createParser(new ByteArrayInputStream(body))) {
            while (parser.hasNext()) {
                JsonParser.Event event = parser.next();
                switch (event) {
                    case START_OBJECT, START_ARRAY -> {
                        advance(path);
                        path.push(event == JsonParser.Event.START_ARRAY ? new int[]{-1} : "");
                    }
                    case END_OBJECT, END_ARRAY -> path.pop();
                    case KEY_NAME -> {
                        path.pop();
                        path.push(parser.getString());
                    }
                    case VALUE_STRING -> {
                        advance(path);
                        Optional<Refusal> refusal = check(describe(path), inSerialList(path), parser.getString(),
                                lineBreaksAllowed);
                        if (refusal.isPresent()) {
                            return refusal;
                        }
                    }
                    default -> advance(path);
                }
            }
        } catch (JsonParsingException | java.util.NoSuchElementException malformed) {
            // not valid JSON: the binding refuses it as such (400 BAD_REQUEST)
        } catch (jakarta.json.JsonException unreadable) {
            // not readable as JSON text at all (e.g. not UTF-8): the binding refuses it too
        }
        return Optional.empty();
    }

    /** A value in an array moves the array's index on. */
    private static void advance(Deque<Object> path) {
        if (!path.isEmpty() && path.peek() instanceof int[] index) {
            index[0]++;
        }
    }

    private static boolean inSerialList(Deque<Object> path) {
        if (path.size() < 2 || !(path.peek() instanceof int[])) {
            return false;
        }
        var it = path.iterator();
        it.next();
        return it.next() instanceof String name && SERIAL_NAMES.contains(name);
    }

    /** {@code lines[0].serials[3]}, from the root down; the body itself is "the body". */
    static String describe(Deque<Object> path) {
        StringBuilder b = new StringBuilder();
        var it = path.descendingIterator();
        while (it.hasNext()) {
            Object step = it.next();
            if (step instanceof int[] index) {
                b.append('[').append(index[0]).append(']');
            } else if (!((String) step).isEmpty()) {
                b.append(b.length() == 0 ? "" : ".").append(step);
            }
        }
        return b.length() == 0 ? "the body" : b.toString();
    }

    static Optional<Refusal> check(String field, boolean serial, String value, boolean lineBreaksAllowed) {
        String checked = lineBreaksAllowed ? value.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ') : value;
        if (serial || lineBreaksAllowed) {
            checked = checked.replace(GS1_SEPARATOR, ' ');
        }
        return Text.problemWith(checked, false).map(problem -> serial
                ? new Refusal(ErrorCode.INVALID_SERIAL, field + ": a serial number must not contain " + problem,
                List.of(value))
                : new Refusal(ErrorCode.VALIDATION, field + " must not contain " + problem, List.of()));
    }
}
