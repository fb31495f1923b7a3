/** Settings → General → Tracking Settings: the two platform switches, saved as they change. */
package org.serialtracking.settings.screen;
