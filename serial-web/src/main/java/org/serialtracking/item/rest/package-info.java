/** REST boundary of items. */
package org.serialtracking.item.rest;
