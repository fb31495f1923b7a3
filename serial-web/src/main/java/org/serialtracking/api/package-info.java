/**
 * The REST API's shared parts: the JAX-RS application, roles, and the mapping of every failure
 * to an RFC 9457 problem (see {@link org.serialtracking.api.ProblemMappers}).
 */
package org.serialtracking.api;
