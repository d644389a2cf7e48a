/**
 * The largest email the SMTP listener takes (advertised with SIZE, RFC 1870). A calendar reply is a few
 * kilobytes; Outlook's with its HTML rarely passes 100 KiB.
 */
export const SMTP_MAX_MESSAGE_BYTES = 1024 * 1024;

/** The largest forwarded email over HTTP: the API's body limit for every request. */
export const HTTP_MAX_MESSAGE_BYTES = 256 * 1024;
