/** Auto serial number capability: format validation and the preview of an item's next serials. */
package org.serialtracking.format.boundary;
