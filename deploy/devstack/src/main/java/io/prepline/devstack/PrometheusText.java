package io.prepline.devstack;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a value from a service's {@code /q/metrics} page (Prometheus text format), as a test checks a counter. */
public final class PrometheusText {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})?\\s+(\\S+)");

    private PrometheusText() {
    }

    /**
     * The sum of the samples of {@code name} that carry every given label, {@code "channel", "scored", ...} as
     * name-value pairs; 0 when there is none.
     */
    public static double value(String text, String name, String... labels) {
        double sum = 0;
        for (String line : text.split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (m.find() && m.group(1).equals(name) && hasLabels(m.group(2), labels)) {
                sum += Double.parseDouble(m.group(3));
            }
        }
        return sum;
    }

    private static boolean hasLabels(String block, String... labels) {
        for (int i = 0; i + 1 < labels.length; i += 2) {
            if (block == null || !block.contains(labels[i] + "=\"" + labels[i + 1] + "\"")) {
                return false;
            }
        }
        return true;
    }
}
