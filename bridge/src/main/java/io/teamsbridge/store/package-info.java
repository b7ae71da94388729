/**
 * The only code that touches the database: one repository per table, records for rows, SQL that
 * runs unchanged on H2 and PostgreSQL. Flyway owns the schema ({@code db/migration}).
 */
package io.teamsbridge.store;
