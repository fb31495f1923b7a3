package org.serialtracking.platform.screen;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import org.serialtracking.api.Roles;

import java.io.IOException;

/**
 * The signed-in user as the screens see it: what to show and which actions to offer. The same
 * roles guard the pages in web.xml and every action in the screen beans ({@link #requireClerk()}),
 * so hiding a button is never the only protection.
 */
@Named("user")
@RequestScoped
public class CurrentUser {

    public String getName() {
        var principal = external().getUserPrincipal();
        return principal == null ? "" : principal.getName();
    }

    public boolean isAdmin() {
        return external().isUserInRole(Roles.ADMIN);
    }

    /** May post and cancel documents: clerks and admins. */
    public boolean isClerk() {
        return isAdmin() || external().isUserInRole(Roles.CLERK);
    }

    /** Refuses an action a viewer's page could still send (a forged or replayed request). */
    public void requireClerk() {
        if (!isClerk()) {
            throw new SecurityException("Only clerks and admins may do this");
        }
    }

    public void requireAdmin() {
        if (!isAdmin()) {
            throw new SecurityException("Only admins may do this");
        }
    }

    public void signOut() throws IOException {
        ExternalContext external = external();
        try {
            ((HttpServletRequest) external.getRequest()).logout();
        } catch (ServletException ignored) {
            // signed out anyway once the session is gone
        }
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/login.xhtml");
    }

    private static ExternalContext external() {
        return FacesContext.getCurrentInstance().getExternalContext();
    }
}
