/**
 * Serial numbers and their life: the value type, statuses and history types.
 */
package org.serialtracking.serial;
