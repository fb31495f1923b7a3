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

    /**
     * What the registry said of a user name and password: the caller (with groups), a refusal
     * (unknown user, wrong password, or a user the directory disables), or that it could not be
     * asked (the directory is down or does not answer): then nobody is signed in, and the caller
     * hears that it may try again, not that the password was wrong.
     */
    record Verdict(Optional<SignedIn> caller, boolean registryUnavailable) {
        static final Verdict REFUSED = new Verdict(Optional.empty(), false);
        static final Verdict UNAVAILABLE = new Verdict(Optional.empty(), true);
    }

    static Verdict check(String username, String password) {
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            return Verdict.REFUSED;
        }
        return askRegistry(username, password);
    }

    private static Verdict askRegistry(String username, String password) {
        try {
            UserRegistry registry = RegistryHelper.getUserRegistry(null);
            String name = registry.checkPassword(username, password);
            return new Verdict(Optional.of(new SignedIn(registry.getRealm(), name,
                    new HashSet<>(registry.getGroupsForUser(name)))), false);
        } catch (PasswordCheckFailedException refused) {
            // Liberty's LDAP registry reports a directory it cannot reach as a failed check too,
            // without the cause: a search for the user then fails the same way (the directory is
            // down) or answers (the credentials were wrong). Only a refusal costs this second call.
            return directoryAnswers(username) ? Verdict.REFUSED : Verdict.UNAVAILABLE;
        } catch (Exception registryFailure) {
            LOG.log(Level.WARNING, "the user registry could not check a sign-in", registryFailure);
            return Verdict.UNAVAILABLE;
        }
    }

    private static boolean directoryAnswers(String username) {
        try {
            RegistryHelper.getUserRegistry(null).isValidUser(username);
            return true;
        } catch (Exception registryFailure) {
            LOG.log(Level.WARNING, "the user registry could not be asked about a refused sign-in", registryFailure);
            return false;
        }
    }
}
