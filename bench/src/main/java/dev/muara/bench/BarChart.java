package dev.muara.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A PNG of one workload: two panels of horizontal bars, throughput (rows/s) and peak memory (MiB), one bar per tool,
 * Muara's in the project's colour, so the comparison is seen at a glance. Drawn with the JDK's own 2D graphics
 * (headless), so the suite needs no charting library.
 */
final class BarChart {

    /**
     * One tool's bar values.
     *
     * @param label the tool
     * @param rowsPerSecond throughput
     * @param peakMib peak resident memory, or NaN when it was not measured
     * @param muara whether it is one of Muara's bars
     */
    record Bar(String label, double rowsPerSecond, double peakMib, boolean muara) {
    }

    private static final Color MUARA = new Color(0x1f77b4);
    private static final Color REFERENCE = new Color(0xb0b0b0);
    private static final int WIDTH = 960;
    private static final int LABEL_WIDTH = 210;
    private static final int BAR_HEIGHT = 26;
    private static final int GAP = 10;

    private BarChart() {
    }

    static void write(Path file, String title, List<Bar> bars) throws IOException {
        int panelHeight = 30 + bars.size() * (BAR_HEIGHT + GAP);
        int height = 50 + 2 * panelHeight + 20;
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, height);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
            g.drawString(title, 16, 30);
            panel(g, 50, "Throughput, rows/s (longer is better)", bars, true);
            panel(g, 50 + panelHeight, "Peak memory, MiB RSS (shorter is better)", bars, false);
        } finally {
            g.dispose();
        }
        ImageIO.write(image, "png", file.toFile());
    }

    private static void panel(Graphics2D g, int top, String heading, List<Bar> bars, boolean throughput) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        g.setColor(Color.DARK_GRAY);
        g.drawString(heading, 16, top + 16);
        double max = bars.stream().mapToDouble(b -> throughput ? b.rowsPerSecond() : b.peakMib())
                .filter(v -> !Double.isNaN(v)).max().orElse(1);
        int barSpace = WIDTH - LABEL_WIDTH - 130;
        FontMetrics metrics = g.getFontMetrics();
        int y = top + 28;
        for (Bar bar : bars) {
            double value = throughput ? bar.rowsPerSecond() : bar.peakMib();
            int length = max <= 0 ? 0 : (int) Math.round(barSpace * value / max);
            g.setColor(Color.BLACK);
            String label = bar.label();
            g.drawString(label, LABEL_WIDTH - 12 - metrics.stringWidth(label), y + BAR_HEIGHT - 8);
            g.setColor(Color.BLACK);
            if (Double.isNaN(value)) {
                g.drawString("not measured", LABEL_WIDTH + 8, y + BAR_HEIGHT - 8);
            } else {
                g.setColor(bar.muara() ? MUARA : REFERENCE);
                g.fillRect(LABEL_WIDTH, y, Math.max(length, 1), BAR_HEIGHT);
                g.setColor(Color.BLACK);
                g.drawString(throughput ? Report.count(value) : Report.count(value) + " MiB",
                        LABEL_WIDTH + length + 8, y + BAR_HEIGHT - 8);
            }
            y += BAR_HEIGHT + GAP;
        }
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(1));
        g.drawLine(LABEL_WIDTH, top + 24, LABEL_WIDTH, y - GAP + 4);
    }
}
