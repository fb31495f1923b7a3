/** The OpenAPI document's schemas, made from the API's records. */
package org.serialtracking.api.openapi;
