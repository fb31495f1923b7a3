package org.serialtracking.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.serialtracking.api.Problem;
import org.serialtracking.api.Problems;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The error page of the web module (web.xml): what the container answers when it refuses a
 * request before JAX-RS or the screens see it (an address with an encoded slash or backslash, a
 * bad escape, a missing role) or when something fails outside JAX-RS. Under {@code /api/} the
 * answer is an RFC 9457 problem with the status the container chose; for the screens it is the
 * plain page they always had (not found, not allowed, something went wrong).
 * <p>
 * Some malformed addresses ({@code %zz}, {@code %00}) are refused by Liberty before it has chosen
 * an application at all; no page of ours can answer those (see README, "The API in one glance").
 */
public class ErrorPageServlet extends HttpServlet {

    static final String NOT_FOUND_PAGE = "/not-found.html";
    static final String ERROR_PAGE = "/error.html";
    static final String FORBIDDEN_PAGE = "/forbidden.xhtml";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        // opened by its own address rather than as an error page: there is nothing here
        int status = code instanceof Integer c ? c : HttpServletResponse.SC_NOT_FOUND;
        String path = uri instanceof String u ? u : request.getRequestURI();
        if (isApi(request.getContextPath(), path)) {
            problem(response, status);
        } else if (status == HttpServletResponse.SC_FORBIDDEN) {
            request.getRequestDispatcher(FORBIDDEN_PAGE).forward(request, response);
        } else {
            page(response, status, status == HttpServletResponse.SC_NOT_FOUND ? NOT_FOUND_PAGE : ERROR_PAGE);
        }
    }

    static boolean isApi(String contextPath, String requestUri) {
        String api = contextPath + "/api";
        return requestUri != null && (requestUri.equals(api) || requestUri.startsWith(api + "/"));
    }

    /** A sentence per status; never the exception, the address or anything else the container knows. */
    static String detail(int status) {
        return switch (status) {
            case 400 -> "The request address is malformed or holds a character the server refuses in a path "
                    + "(an encoded /, \\, # or . among them); a serial with such characters is read through "
                    + "/api/serials/lookup?serial=...";
            case 401 -> "Credentials are required";
            case 403 -> "The caller's role may not do this";
            case 404 -> "There is no resource at this address";
            case 405 -> "This resource does not answer to that method";
            case 413 -> "The request is larger than the server accepts";
            default -> "The request was refused";
        };
    }

    private static void problem(HttpServletResponse response, int status) throws IOException {
        byte[] body = Problems.json(Problems.forStatus(status, detail(status))).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(Problem.MEDIA_TYPE); // JSON is UTF-8 by definition (RFC 8259)
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The plain page, written out here so that it shows whatever the method of the refused request. */
    private void page(HttpServletResponse response, int status, String page) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        try (InputStream in = getServletContext().getResourceAsStream(page)) {
            if (in != null) {
                in.transferTo(response.getOutputStream());
            }
        }
    }
}
