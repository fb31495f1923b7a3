/** The recursive SQL of a trace over the links of builds (migration V13). */
package org.serialtracking.trace.control;
