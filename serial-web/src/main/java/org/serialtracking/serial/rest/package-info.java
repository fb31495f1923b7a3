/** REST boundary of serials. */
package org.serialtracking.serial.rest;
