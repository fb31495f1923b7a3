/** REST boundary of the serial entry tools. */
package org.serialtracking.entry.rest;
