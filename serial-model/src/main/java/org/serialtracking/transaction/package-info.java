/** Inventory documents: their types and line roles. */
package org.serialtracking.transaction;
