/** REST boundary of the settings capability. */
package org.serialtracking.settings.rest;
