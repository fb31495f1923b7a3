/** A customer or a supplier, master data kept through JPA. */
package org.serialtracking.party.entity;
