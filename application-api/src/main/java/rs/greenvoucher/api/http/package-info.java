/**
 * The services' HTTP answers as records: the controllers return them and the portal reads them, so a field that one
 * side renames no longer compiles on the other (and the contract check of each exchange sees the same shape).
 */
package rs.greenvoucher.api.http;
