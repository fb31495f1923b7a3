/** REST boundary of companies and locations. */
package org.serialtracking.site.rest;
