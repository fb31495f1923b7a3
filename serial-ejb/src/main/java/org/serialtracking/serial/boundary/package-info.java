/** Serial capability: look up a serial, its history, and lists of serials (keyset-paged). */
package org.serialtracking.serial.boundary;
