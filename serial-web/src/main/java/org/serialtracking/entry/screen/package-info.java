/**
 * The serial number modal, shared by the item screen and every transaction form. Add mode takes
 * serials from a file, a generated range or a scanner; remove mode picks on-hand serials. Both
 * save only when the count matches the quantity and nothing is wrong.
 */
package org.serialtracking.entry.screen;
