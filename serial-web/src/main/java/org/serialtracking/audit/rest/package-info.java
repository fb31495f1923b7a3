/** REST boundary of the audit trail (admin only). */
package org.serialtracking.audit.rest;
