/** REST boundary of auto serial numbers. */
package org.serialtracking.format.rest;
