/** Site capability: companies and locations. */
package org.serialtracking.site.boundary;
