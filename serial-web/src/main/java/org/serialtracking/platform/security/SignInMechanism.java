package org.serialtracking.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import com.ibm.wsspi.security.token.AttributeNameConstants;
import org.serialtracking.api.Problem;
import org.serialtracking.api.Problems;
import org.serialtracking.common.ErrorCode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;

/**
 * The one authentication mechanism of the web module, so that the API and the screens can share
 * it (a web module has only one login configuration):
 * <ul>
 *   <li>{@code Authorization: Basic} on any request: the name and password are checked by the
 *       user registry on every call (API clients and scripts); what Liberty builds for the caller
 *       is then reused from its authentication cache (see {@link #loggedIn});</li>
 *   <li>a sign-in from the login screen ({@code SecurityContext.authenticate}): checked once, then
 *       remembered in the HTTP session under a new session id (for the API, only on GET);</li>
 *   <li>nobody: the API answers 401 with a Basic challenge, a screen redirects to the login
 *       screen and comes back afterwards.</li>
 * </ul>
 * Credentials are validated by the server's user registry (the basic registry of server.xml, or
 * LDAP), which also gives the groups that server.xml binds to the three roles.
 */
@ApplicationScoped
public class SignInMechanism implements HttpAuthenticationMechanism {

    static final String LOGIN_PAGE = "/login.xhtml";

    /** Request attribute: the sign-in failed because the user registry could not be asked. */
    public static final String DIRECTORY_UNAVAILABLE = SignInMechanism.class.getName() + ".directoryUnavailable";

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        if (context.isAuthenticationRequest()) {
            return signIn(request, context);
        }
        Optional<UsernamePasswordCredential> basic = basicCredential(request);
        if (basic.isPresent()) {
            UserRegistryLogin.Verdict verdict = UserRegistryLogin.check(basic.get().getCaller(),
                    basic.get().getPasswordAsString());
            if (verdict.caller().isPresent()) {
                return loggedIn(context, verdict.caller().get());
            }
            if (verdict.registryUnavailable()) {
                return directoryUnavailable(response);
            }
            return challenge(response, context);
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SignedIn.SESSION_ATTRIBUTE) instanceof SignedIn caller
                && (!isApi(request) || isSafe(request))) {
            return loggedIn(context, caller);
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        if (isApi(request)) {
            return challenge(response, context);
        }
        return context.redirect(request.getContextPath() + LOGIN_PAGE + "?next=" + returnPath(request));
    }

    private AuthenticationStatus signIn(HttpServletRequest request, HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (!(credential instanceof UsernamePasswordCredential password)) {
            return context.responseUnauthorized();
        }
        UserRegistryLogin.Verdict verdict = UserRegistryLogin.check(password.getCaller(), password.getPasswordAsString());
        Optional<SignedIn> caller = verdict.caller();
        if (caller.isEmpty()) {
            if (verdict.registryUnavailable()) {
                // the login screen tells this apart from a wrong password
                request.setAttribute(DIRECTORY_UNAVAILABLE, Boolean.TRUE);
            }
            return AuthenticationStatus.SEND_FAILURE;
        }
        request.getSession(true);
        request.changeSessionId(); // no session fixation: the signed-in session gets a new id
        request.getSession().setAttribute(SignedIn.SESSION_ATTRIBUTE, caller.get());
        return loggedIn(context, caller.get());
    }

    /**
     * Tells the container who the caller is. Liberty turns that into a JAAS hashtable login that
     * builds a new subject and signs an LTPA token for it (RSA) on every request: 15 % of the
     * server's CPU for a serial lookup. Given a cache key in the login hashtable
     * ({@code WSCREDENTIAL_CACHE_KEY}), Liberty's authentication service first looks the subject up
     * in its authentication cache under that very key, and caches what it builds under it
     * (server.xml: {@code <authentication cacheEnabled>}, {@code <authCache timeout>}). The key
     * names the caller, realm and groups the registry vouched for on this very request; it holds no
     * password, which is why the password is checked before, on every call: a changed password or a
     * removed user is refused at once, a changed group gets a new key and so a new subject.
     */
    private static AuthenticationStatus loggedIn(HttpMessageContext context, SignedIn caller) {
        AuthenticationStatus status = context.notifyContainerAboutLogin(caller.validationResult());
        for (Object credential : context.getClientSubject().getPrivateCredentials(Hashtable.class)) {
            @SuppressWarnings("unchecked")
            Hashtable<String, Object> attributes = (Hashtable<String, Object>) credential;
            attributes.put(AttributeNameConstants.WSCREDENTIAL_CACHE_KEY, caller.cacheKey());
        }
        return status;
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(SignedIn.SESSION_ATTRIBUTE);
        }
    }

    /**
     * 503 with a problem: the directory could not check the credentials (down, or not answering in
     * time). Not 401: the password may well be right, and a client should retry, not ask its user
     * for another. Written and committed here, so that the container cannot turn it into a 401.
     */
    private static AuthenticationStatus directoryUnavailable(HttpServletResponse response) {
        try {
            response.setStatus(ErrorCode.DIRECTORY_UNAVAILABLE.status());
            response.setHeader("Retry-After", "10");
            response.setContentType(Problem.MEDIA_TYPE + ";charset=UTF-8");
            response.getWriter().write(Problems.json(ErrorCode.DIRECTORY_UNAVAILABLE,
                    "The directory that checks sign-ins cannot be reached; nobody was signed in. Try again in a moment",
                    List.of()));
            response.flushBuffer();
        } catch (IOException e) {
            // the client went away: nothing more to tell it
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static AuthenticationStatus challenge(HttpServletResponse response, HttpMessageContext context) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"SerialTracking\", charset=\"UTF-8\"");
        return context.responseUnauthorized();
    }

    /**
     * A signed-in screen user may read the API (the serial list's export links), but changes through
     * the API always need credentials on the request: a session cookie alone never posts.
     */
    private static boolean isSafe(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    /** Where to come back after signing in: a path inside this application, never another site. */
    private static String returnPath(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String query = request.getQueryString();
        String back = query == null ? path : path + "?" + query;
        return java.net.URLEncoder.encode(back, StandardCharsets.UTF_8);
    }

    static Optional<UsernamePasswordCredential> basicCredential(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || header.length() < 6 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return Optional.of(new UsernamePasswordCredential("", ""));
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.of(new UsernamePasswordCredential(decoded, ""));
        }
        return Optional.of(new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1)));
    }
}
