/** The Customers and suppliers screen. */
package org.serialtracking.party.screen;
