/**
 * On-hand stock per item and location: {@link org.serialtracking.stock.control.StockRepository} is the
 * only writer of the {@code stock} table (besides the database's own triggers, which count the serials
 * in stock on each row).
 */
package org.serialtracking.stock.control;
