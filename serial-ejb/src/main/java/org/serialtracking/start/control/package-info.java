/** The SQL of the start page's figures. */
package org.serialtracking.start.control;
