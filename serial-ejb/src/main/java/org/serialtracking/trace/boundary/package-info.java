/** The trace of one serial, backward (made of) or forward (went into). */
package org.serialtracking.trace.boundary;
