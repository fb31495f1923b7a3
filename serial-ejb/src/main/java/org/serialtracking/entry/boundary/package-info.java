/** Entry tools capability: the service behind the serial number modal and the serial-tools API. */
package org.serialtracking.entry.boundary;
