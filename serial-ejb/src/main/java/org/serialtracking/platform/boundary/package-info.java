/** The platform under every capability: schema migrations at start-up. */
package org.serialtracking.platform.boundary;
