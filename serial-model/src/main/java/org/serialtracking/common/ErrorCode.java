package org.serialtracking.common;

/**
 * The stable codes of every rule violation, with the HTTP status the API answers with.
 * Clients switch on the code, never on the message.
 */
public enum ErrorCode {
    SERIAL_COUNT_MISMATCH(422, "Serial count does not match quantity"),
    NON_INTEGER_QUANTITY(422, "Quantity of a serial-tracked item must be a whole number"),
    DUPLICATE_SERIAL(409, "Serial already exists"),
    DUPLICATE_IN_DOCUMENT(422, "Serial appears more than once in the document"),
    SERIAL_NOT_AVAILABLE(422, "Serial not in stock at this location"),
    SERIAL_NOT_RETURNABLE(422, "Serial cannot be returned"),
    SERIALS_NOT_ALLOWED(422, "Item does not track serials"),
    TRACKING_NOT_INITIALIZED(422, "Serial tracking not initialized"),
    SERIAL_TRACKING_DISABLED(422, "Serial tracking is disabled"),
    INVALID_SERIAL(422, "Invalid serial number"),
    INSUFFICIENT_STOCK(422, "Insufficient stock"),
    INVALID_FORMAT(422, "Invalid auto serial number format"),
    IDEMPOTENCY_KEY_REUSED(422, "Idempotency key already used for another request"),
    REQUEST_TOO_LARGE(413, "Request too large"),
    DATABASE_UNAVAILABLE(503, "Database unavailable"),
    DIRECTORY_UNAVAILABLE(503, "Directory unavailable"),
    SERIAL_MOVED_ON(422, "Serial has moved on since the document"),
    TRACKING_CHANGED(422, "Item tracking changed since the document"),
    LEDGER_RULE(409, "The change would break a ledger rule"),
    CONFIRMATION_REQUIRED(409, "Confirmation required"),
    CONFLICT(409, "Conflicting change"),
    ALREADY_EXISTS(409, "Already exists"),
    NOT_FOUND(404, "Not found"),
    VALIDATION(422, "Invalid request"),
    BAD_REQUEST(400, "Malformed request"),
    UNAUTHORIZED(401, "Authentication required"),
    FORBIDDEN(403, "Not allowed"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    UNSUPPORTED_FILE(415, "Unsupported file type"),
    INVALID_FILE(422, "File cannot be read"),
    ENCRYPTED_FILE(422, "File is password-protected"),
    FILE_TOO_LARGE(413, "File too large"),
    TOO_MANY_SERIALS(422, "Too many serial numbers"),
    INVALID_RANGE(422, "Invalid serial range"),
    UNKNOWN_PARTY(422, "Unknown customer or supplier"),
    INVALID_ASSIGNMENT(422, "Components assigned to serials that are not the document's outputs"),
    RETURNED_BY_OTHER_CUSTOMER(422, "Serial was shipped to another customer"),
    UNKNOWN_SERIAL(422, "Serial not known"),
    SERIAL_NOT_INSTALLED(422, "Serial is not inside a unit"),
    UNIT_NOT_IN_STOCK(422, "The unit is not in stock"),
    INVALID_GTIN(422, "Invalid GTIN"),
    INVALID_GS1(422, "Invalid GS1 barcode data"),
    GTIN_MISMATCH(422, "Barcode is for another item"),
    LABEL_MISMATCH(422, "The label's lot or expiry is not the serial's");

    private final int status;
    private final String title;

    ErrorCode(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
