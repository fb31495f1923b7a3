/** The consistency check over HTTP, for administrators and the test suites' final oracle. */
package org.serialtracking.ledger.rest;
