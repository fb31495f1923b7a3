/** The SQL of the serial capability's reads and of erasing all serial data (rule 9). */
package org.serialtracking.serial.control;
