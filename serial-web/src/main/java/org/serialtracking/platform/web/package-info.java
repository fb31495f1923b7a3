/** Servlet filters that guard the whole application: security headers and request size limits. */
package org.serialtracking.platform.web;
