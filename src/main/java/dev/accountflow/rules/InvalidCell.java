package dev.accountflow.rules;

/** A cell of a rule table that does not fit its column; names the row, the column and what the column takes. */
public class InvalidCell extends RuntimeException {

    private final int row;
    private final String column;
    private final String problem;

    public InvalidCell(int row, String rowName, String column, String problem) {
        super("row " + row + (rowName == null || rowName.isBlank() ? "" : " (" + (rowName.length() > 80 ? rowName.substring(0, 80) + "…" : rowName) + ")")
                + ", column '" + column + "': " + problem);
        this.row = row;
        this.column = column;
        this.problem = problem;
    }

    public String getProblem() {
        return problem;
    }

    public int getRow() {
        return row;
    }

    public String getColumn() {
        return column;
    }
}
