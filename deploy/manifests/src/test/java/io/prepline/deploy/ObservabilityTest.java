package io.prepline.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Grafana dashboard and the Prometheus alert rules against what Grafana needs and what deploy/README.md says:
 * every metric they read is in the README's metrics table, every alert has a runbook there and a promtool unit test.
 * (deploy/observability/check runs promtool on the rules, their tests and the dashboard's queries.)
 */
class ObservabilityTest {

    private static final String DASHBOARD = "deploy/observability/grafana/prepline.json";
    private static final String RULES = "deploy/observability/prometheus/prepline-alerts.yaml";
    private static final String RULE_TESTS = "deploy/observability/prometheus/prepline-alerts.test.yaml";
    private static final int GRID_COLUMNS = 24;

    @Test
    void theDashboardHasWhatGrafanaNeedsToImportIt() throws IOException {
        Map<String, Object> dashboard = dashboard();
        for (String field : List.of("title", "uid", "schemaVersion", "panels", "templating", "time")) {
            assertTrue(dashboard.containsKey(field), "the dashboard has no " + field);
        }
        assertTrue(Tree.maps(dashboard, "templating", "list").stream()
                        .anyMatch(v -> "datasource".equals(Tree.text(v, "type")) && "prometheus".equals(Tree.text(v, "query"))),
                "no Prometheus data source variable");
        Set<Object> ids = new HashSet<>();
        List<int[]> cells = new ArrayList<>();
        for (Map<String, Object> panel : Tree.maps(dashboard, "panels")) {
            String title = Tree.text(panel, "title");
            assertTrue(ids.add(Tree.at(panel, "id")), "panel id used twice: " + title);
            assertTrue(title != null && !title.isBlank() && Tree.text(panel, "type") != null, "panel " + panel);
            int x = (Integer) Tree.at(panel, "gridPos", "x");
            int y = (Integer) Tree.at(panel, "gridPos", "y");
            int w = (Integer) Tree.at(panel, "gridPos", "w");
            int h = (Integer) Tree.at(panel, "gridPos", "h");
            assertTrue(x >= 0 && w > 0 && h > 0 && x + w <= GRID_COLUMNS, title + " lies outside the grid");
            for (int[] other : cells) {
                boolean overlap = x < other[0] + other[2] && other[0] < x + w && y < other[1] + other[3] && other[1] < y + h;
                assertFalse(overlap, title + " overlaps another panel");
            }
            cells.add(new int[] {x, y, w, h});
            if (!"row".equals(Tree.text(panel, "type"))) {
                assertEquals("${datasource}", Tree.text(panel, "datasource", "uid"), title);
                List<Map<String, Object>> targets = Tree.maps(panel, "targets");
                assertFalse(targets.isEmpty(), title + " has no query");
                targets.forEach(t -> assertTrue(Tree.text(t, "refId") != null && Tree.text(t, "expr") != null, title));
            }
        }
    }

    @Test
    void everyAlertHasASeverityASummaryARunbookAndAUnitTest() {
        String runbooks = section(Repository.read("deploy/README.md"), "## Runbooks");
        String tests = Repository.read(RULE_TESTS);
        Set<String> alerts = new TreeSet<>();
        for (Map<String, Object> rule : rules()) {
            String alert = Tree.text(rule, "alert");
            assertTrue(alerts.add(alert), alert + " is defined twice");
            assertTrue(Set.of("warning", "critical").contains(Tree.text(rule, "labels", "severity")), alert);
            assertTrue(Tree.text(rule, "annotations", "summary") != null, alert + " has no summary");
            assertEquals("deploy/README.md#runbooks", Tree.text(rule, "annotations", "runbook_url"), alert);
            assertTrue(tests.contains("alertname: " + alert + "\n"), alert + " has no promtool unit test");
        }
        Matcher rows = Pattern.compile("(?m)^\\| `(\\w+)` \\|").matcher(runbooks);
        Set<String> documented = new TreeSet<>();
        while (rows.find()) {
            documented.add(rows.group(1));
        }
        assertEquals(alerts, documented, "the alerts and the runbooks in deploy/README.md");
    }

    @Test
    void everyMetricTheDashboardAndTheAlertsReadIsInTheReadmesMetricsTable() throws IOException {
        String metricsTable = section(Repository.read("deploy/README.md"), "### Metrics the dashboard and the alerts read");
        Set<String> read = new TreeSet<>();
        rules().forEach(rule -> read.addAll(PromQl.metrics(Tree.text(rule, "expr"))));
        Tree.maps(dashboard(), "panels").forEach(panel -> Tree.maps(panel, "targets")
                .forEach(target -> read.addAll(PromQl.metrics(Tree.text(target, "expr")))));
        assertTrue(read.contains("prepline_outbox_dead_total") && read.contains("http_server_requests_seconds"), read.toString());
        List<String> missing = read.stream().filter(metric -> !metricsTable.contains("| `" + metric)).toList();
        assertEquals(List.of(), missing, "metrics missing from deploy/README.md");
    }

    @Test
    void metricNamesAreFoundInPromQl() {
        assertEquals(Set.of("prepline_scoring_seconds"), PromQl.metrics(
                "histogram_quantile(0.95, sum by (le) (rate(prepline_scoring_seconds_bucket{app=~\"$app\"}[5m]))) > 2"));
        assertEquals(Set.of("up"), PromQl.metrics("up{app=~\"a|b\"} == 0"));
        assertEquals(Set.of("a_total", "b_count"), PromQl.metrics(
                "sum without (instance) (increase(a_total[1h])) / on (app) group_left (x) b_count_count and bool 1"));
    }

    private static Map<String, Object> dashboard() throws IOException {
        return new ObjectMapper().readValue(Repository.file(DASHBOARD).toFile(), new TypeReference<>() {
        });
    }

    private static List<Map<String, Object>> rules() {
        return Tree.maps(Yaml.document(Repository.file(RULES)), "groups").stream()
                .flatMap(group -> Tree.maps(group, "rules").stream()).toList();
    }

    /** The text of a README section, from its heading to the next heading of the same or a higher level. */
    private static String section(String markdown, String heading) {
        int start = markdown.indexOf("\n" + heading + "\n");
        assertTrue(start >= 0, "deploy/README.md has no section " + heading);
        String level = heading.substring(0, heading.indexOf(' ') + 1);
        Matcher next = Pattern.compile("\n#{1," + (level.length() - 1) + "} ").matcher(markdown);
        int end = next.find(start + heading.length() + 1) ? next.start() : markdown.length();
        return markdown.substring(start, end);
    }
}
