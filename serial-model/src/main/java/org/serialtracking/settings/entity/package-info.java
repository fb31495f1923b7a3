/** Platform-wide settings: serial tracking on/off and auto serial numbers. */
package org.serialtracking.settings.entity;
