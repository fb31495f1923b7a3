/** REST boundary of documents (transactions). */
package org.serialtracking.transaction.rest;
