/**
 * What every screen shares: the signed-in user and what the role allows, sign-in and sign-out,
 * and the one way rule violations from the services become messages a clerk can act on.
 */
package org.serialtracking.platform.screen;
