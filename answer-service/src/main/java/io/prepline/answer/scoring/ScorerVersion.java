package io.prepline.answer.scoring;

/** Orders scorer versions such as {@code 1.10.0} numerically per dot-separated part. */
final class ScorerVersion {

    private ScorerVersion() {
    }

    static int compare(String a, String b) {
        String[] x = a.split("[.-]");
        String[] y = b.split("[.-]");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            String p = i < x.length ? x[i] : "0";
            String q = i < y.length ? y[i] : "0";
            int c;
            if (p.matches("\\d{1,9}") && q.matches("\\d{1,9}")) {
                c = Integer.compare(Integer.parseInt(p), Integer.parseInt(q));
            } else {
                c = p.compareTo(q);
            }
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
