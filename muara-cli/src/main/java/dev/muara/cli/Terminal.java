package dev.muara.cli;

import java.io.PrintStream;
import java.lang.reflect.Method;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Output helpers: whether we talk to a terminal, number and duration formats, aligned tables. */
final class Terminal {

    private Terminal() {
    }

    /** Whether standard error is an interactive terminal (progress bars) rather than a file or pipe (log lines). */
    static boolean interactive() {
        if (System.getenv("MUARA_PROGRESS") != null) {
            return !System.getenv("MUARA_PROGRESS").equals("plain");
        }
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // Console.isTerminal() exists from Java 22; on 21 a non-null console already means a terminal.
            Method isTerminal = java.io.Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    static String count(long n) {
        return NumberFormat.getIntegerInstance(Locale.US).format(n);
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = n;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.US, value >= 100 ? "%.0f %s" : "%.1f %s", value, units[unit]);
    }

    static String duration(long millis) {
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.US, "%.1f s", millis / 1000.0);
        }
        long seconds = millis / 1000;
        if (seconds < 3600) {
            return String.format(Locale.US, "%dm %02ds", seconds / 60, seconds % 60);
        }
        return String.format(Locale.US, "%dh %02dm", seconds / 3600, seconds / 60 % 60);
    }

    static String rate(long rows, long millis) {
        if (millis <= 0) {
            return "-";
        }
        return count(Math.round(rows * 1000.0 / millis));
    }

    /** Prints rows as a table with aligned columns; numbers (cells starting with a digit) align right. */
    static void table(PrintStream out, List<String> header, List<List<String>> rows) {
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        int[] widths = new int[header.size()];
        for (List<String> row : all) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (int r = 0; r < all.size(); r++) {
            StringBuilder line = new StringBuilder("  ");
            List<String> row = all.get(r);
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                boolean numeric = r > 0 && !cell.isEmpty() && (Character.isDigit(cell.charAt(0)) || cell.equals("-"));
                String padded = numeric ? " ".repeat(widths[i] - cell.length()) + cell
                        : cell + " ".repeat(widths[i] - cell.length());
                line.append(padded);
                if (i < row.size() - 1) {
                    line.append("  ");
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
