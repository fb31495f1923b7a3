/**
 * The auto serial number format language: parsing, checking and rendering
 * ({@link org.serialtracking.format.control.SerialFormat}), pure and unit-tested.
 */
package org.serialtracking.format.control;
