package io.prepline.question.partners;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Web origins as browsers send them in the {@code Origin} header: {@code https://host} or {@code http://host:port}. */
public final class Origins {

    private Origins() {
    }

    /** {@code value} as a browser would send it, or null when it is not an http(s) origin. */
    public static String normalise(String value) {
        if (value == null || value.length() > 200) {
            return null;
        }
        try {
            URI uri = new URI(value.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))
                    && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || !bare
                    || !uri.getHost().matches("[A-Za-z0-9.\\-\\[\\]:]+")) {
                return null;
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
