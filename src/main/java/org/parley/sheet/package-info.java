/**
 * Claim sheets: a report's claims as a CSV table an analyst edits in a spreadsheet
 * ({@code data/sheets/<id>.csv}) with a companion table of the things the report introduces
 * ({@code data/sheets/<id>.things.csv}), compiled into the report's named graph with the same IRIs,
 * classes and properties as hand-written Turtle, and written back from any report's graph. The
 * classes here know nothing of files except {@link org.parley.sheet.CsvTable}, which reads and writes them.
 */
package org.parley.sheet;
