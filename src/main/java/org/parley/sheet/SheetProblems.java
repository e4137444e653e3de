package org.parley.sheet;

import java.util.List;

import org.parley.validate.Problem;

/**
 * The problems of one sheet, each placed where the analyst will look for it: the file, the row as
 * the spreadsheet numbers it (the header is row 1) and the column counted from 1. Kept apart from the
 * compilers so that they say what is wrong and this class alone says where.
 */
final class SheetProblems {

    private final CsvTable table;
    private final List<Problem> problems;

    /** Problems of the table, added to the list (which may already hold another sheet's). */
    SheetProblems(CsvTable table, List<Problem> problems) {
        this.table = table;
        this.problems = problems;
    }

    /** A problem of the header row as a whole ({@code file:1}). */
    void inHeader(String message, String fix) {
        problems.add(Problem.error(table.file() + ":1", SheetCompiler.RULE, message, fix));
    }

    /** A problem of the cell under a named column ({@code file:row:column}, or {@code file:row} if the header lacks it). */
    void at(int row, String header, String message, String fix) {
        problems.add(Problem.error(table.location(row, header), SheetCompiler.RULE, message, fix));
    }

    /** A problem of the cell at a column position, counted from 1. */
    void at(int row, int column, String message, String fix) {
        problems.add(Problem.error(table.file() + ":" + row + ":" + column, SheetCompiler.RULE, message, fix));
    }

    /** How many problems the list holds, this sheet's and any before: to tell whether a row added one. */
    int count() {
        return problems.size();
    }
}
