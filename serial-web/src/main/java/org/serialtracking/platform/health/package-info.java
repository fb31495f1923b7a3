/** MicroProfile Health checks: readiness includes the database. */
package org.serialtracking.platform.health;
