/**
 * Who is calling: one authentication mechanism for the whole web module. API clients send HTTP
 * Basic on every call; people sign in once on the login screen and are remembered in their
 * session. Both are checked against the server's user registry.
 */
package org.serialtracking.platform.security;
