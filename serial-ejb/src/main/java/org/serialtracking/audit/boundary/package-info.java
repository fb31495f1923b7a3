/** Audit capability: the trail of saved changes and who made them. */
package org.serialtracking.audit.boundary;
