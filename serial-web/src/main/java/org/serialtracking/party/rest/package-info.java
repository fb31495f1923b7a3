/** {@code /api/customers} and {@code /api/suppliers}: the same resource for each kind of party. */
package org.serialtracking.party.rest;
