/** Settings capability: the service that reads and changes the platform settings. */
package org.serialtracking.settings.boundary;
