/** Plain helpers of the platform that every capability's SQL uses. */
package org.serialtracking.platform.control;
