/** Companies and their locations (warehouses). Transfers stay inside a company; relocations cross companies. */
package org.serialtracking.site.entity;
