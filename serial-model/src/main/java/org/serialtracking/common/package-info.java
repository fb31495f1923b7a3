/**
 * What every capability shares: the error codes and the one exception that carries a broken rule
 * (code, message, offending serials) from the rules out to the API and the screens.
 */
package org.serialtracking.common;
