package org.serialtracking.platform.security;

import com.ibm.websphere.security.PasswordCheckFailedException;
import com.ibm.websphere.security.UserRegistry;
import com.ibm.wsspi.security.registry.RegistryHelper;

import java.util.HashSet;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Checks a user name and password against the server's user registry (the basic registry of
 * server.xml, or the enterprise's LDAP) and reads the user's groups, which server.xml binds to
 * the application's roles. Liberty's built-in mechanisms do the same; a custom mechanism must ask
 * the registry itself, because Jakarta Security's identity store handler has no store here.
 * <p>
 * Every check asks the registry: nothing here remembers a password or its outcome. What Liberty
 * builds from a successful check (the caller's subject) is kept in Liberty's own authentication
 * cache, under the key {@link SignedIn#cacheKey()} (see {@link SignInMechanism}).
 */
final class UserRegistryLogin {

    private static final Logger LOG = Logger.getLogger(UserRegistryLogin.class.getName());

    private UserRegistryLogin() {
    }

    /** The caller and groups of a valid user name and password, or empty. */
    static Optional<SignedIn> check(String username, String password) {
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            return Optional.empty();
        }
        return askRegistry(username, password);
    }

    private static Optional<SignedIn> askRegistry(String username, String password) {
        try {
            UserRegistry registry = RegistryHelper.getUserRegistry(null);
            String name = registry.checkPassword(username, password);
            return Optional.of(new SignedIn(registry.getRealm(), name, new HashSet<>(registry.getGroupsForUser(name))));
        } catch (PasswordCheckFailedException wrongPassword) {
            return Optional.empty();
        } catch (Exception registryFailure) {
            LOG.log(Level.WARNING, "the user registry could not check a sign-in", registryFailure);
            return Optional.empty();
        }
    }
}
