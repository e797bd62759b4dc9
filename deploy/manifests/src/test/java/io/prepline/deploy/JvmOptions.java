package io.prepline.deploy;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The services' own JVM options as deploy/lib/jvm.sh gives them to the local run and the benchmarks: a deployment
 * must start each service with the same ones ({@code JAVA_OPTS_APPEND}), so that what is measured is what runs.
 */
final class JvmOptions {

    private static final Pattern CASE = Pattern.compile("^\\s*([a-z-]+)\\) echo \"([^\"]*)\" ;;", Pattern.MULTILINE);

    private JvmOptions() {
    }

    /** Options by service, for the services that have their own (the others run the image's defaults). */
    static Map<String, String> byService() {
        Map<String, String> options = new TreeMap<>();
        Matcher m = CASE.matcher(Repository.read("deploy/lib/jvm.sh"));
        while (m.find()) {
            options.put(m.group(1), m.group(2));
        }
        return options;
    }
}
