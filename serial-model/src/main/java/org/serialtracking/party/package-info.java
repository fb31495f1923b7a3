/** Business partners: the customers and suppliers documents name (issue 14). */
package org.serialtracking.party;
