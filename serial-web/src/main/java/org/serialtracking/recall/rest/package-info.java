/** The recalls API: {@code /api/recalls}. */
package org.serialtracking.recall.rest;
