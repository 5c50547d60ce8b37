package dev.accountflow.rulesets;

import java.util.ArrayList;
import java.util.List;

/** A line-by-line diff of two rule texts (longest common subsequence; rule files are small). */
final class LineDiff {

    record Line(String type, String text, Integer fromLine, Integer toLine) {
    }

    private LineDiff() {
    }

    static List<Line> between(String from, String to) {
        String[] a = from.split("\n", -1);
        String[] b = to.split("\n", -1);
        int[][] common = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                common[i][j] = a[i].equals(b[j]) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Line> lines = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                lines.add(new Line("same", a[i], i + 1, j + 1));
                i++;
                j++;
            } else if (j < b.length && (i == a.length || common[i][j + 1] >= common[i + 1][j])) {
                lines.add(new Line("added", b[j], null, j + 1));
                j++;
            } else {
                lines.add(new Line("removed", a[i], i + 1, null));
                i++;
            }
        }
        return lines;
    }
}
