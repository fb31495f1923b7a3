/** Traceability (issue 14): what a unit is made of, and what a component went into. */
package org.serialtracking.trace;
