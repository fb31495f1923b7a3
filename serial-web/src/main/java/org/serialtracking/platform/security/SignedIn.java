package org.serialtracking.platform.security;

import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;

import java.io.Serializable;
import java.util.Set;

/**
 * A caller the user registry vouched for: name, realm and groups. Remembered in the HTTP session
 * after signing in on the login screen.
 */
record SignedIn(String realm, String name, Set<String> groups) implements Serializable {

    static final String SESSION_ATTRIBUTE = SignedIn.class.getName();

    SignedIn {
        groups = Set.copyOf(groups);
    }

    /** The same caller with the same groups gets the same key in Liberty's authentication cache. */
    String cacheKey() {
        return "serial-tracking:" + realm + ":" + name + ":" + String.join(",", new java.util.TreeSet<>(groups));
    }

    /** Liberty takes the store id as the realm, so the groups match the bindings in server.xml. */
    CredentialValidationResult validationResult() {
        return new CredentialValidationResult(realm, new CallerPrincipal(name), null, name, groups);
    }
}
