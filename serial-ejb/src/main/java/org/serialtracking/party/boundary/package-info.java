/** Creating and finding customers and suppliers. */
package org.serialtracking.party.boundary;
