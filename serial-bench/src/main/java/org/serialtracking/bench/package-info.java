/**
 * The performance benchmark of issue 6, run by {@code ./bench} against the serial-bench server: it
 * seeds its schema with COPY ({@link org.serialtracking.bench.Seed}), runs the scenarios next to a
 * baseline measured in the same run ({@link org.serialtracking.bench.Bench}), reads the server's heap
 * through JFR ({@link org.serialtracking.bench.Heap}) and reports a table and results.json
 * ({@link org.serialtracking.bench.Report}); {@link org.serialtracking.bench.Growth} compares a run on
 * 1,000,000 serials stored with one on 10,000,000 ({@code ./bench --growth}). Plain Java:
 * java.net.http and the PostgreSQL driver.
 */
package org.serialtracking.bench;
