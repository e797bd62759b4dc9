package io.prepline.platform.problem;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Reads request bodies so that every JSON error names its field: from Jackson's path when it has one, otherwise
 * from the last field name before the error location in the text.
 */
@ApplicationScoped
public class JsonBodies {

    private static final Pattern FIELD = Pattern.compile("\"([A-Za-z_][A-Za-z0-9_]*)\"\\s*:");

    @Inject
    ObjectMapper json;

    public <T> T read(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw new ProblemException(ProblemType.INVALID_JSON, "a JSON document is required",
                    List.of(new FieldError("$", "is empty")));
        }
        T value;
        try {
            value = json.readValue(body, type);
        } catch (UnrecognizedPropertyException e) {
            String field = orNearest(ProblemMapper.path(e), body, e.getLocation());
            throw new ProblemException(ProblemType.UNKNOWN_FIELD, "unknown field '" + field + "'",
                    List.of(new FieldError(field, "is not a field of this document")));
        } catch (JsonMappingException e) {
            String field = orNearest(ProblemMapper.path(e), body, e.getLocation());
            if (field.isEmpty()) {
                throw invalidJson();
            }
            throw new ProblemException(ProblemType.INVALID_JSON, "field '" + field + "' has the wrong type or format",
                    List.of(new FieldError(field, "has the wrong type or format")));
        } catch (JsonProcessingException e) {
            throw invalidJson();
        }
        if (value == null) {
            // the body was the JSON literal null
            throw new ProblemException(ProblemType.INVALID_JSON, "a JSON object is required",
                    List.of(new FieldError("$", "is null")));
        }
        return value;
    }

    private static ProblemException invalidJson() {
        return new ProblemException(ProblemType.INVALID_JSON, "the request body is not valid JSON",
                List.of(new FieldError("$", "is not valid JSON")));
    }

    static String orNearest(String path, String body, JsonLocation location) {
        if (!path.isEmpty() || location == null || location.getCharOffset() < 0 && location.getColumnNr() < 0) {
            return path;
        }
        int end = (int) Math.min(body.length(), location.getCharOffset() >= 0 ? location.getCharOffset()
                : offsetOf(body, location.getLineNr(), location.getColumnNr()));
        Matcher m = FIELD.matcher(body.substring(0, Math.max(0, end)));
        String last = "";
        while (m.find()) {
            last = m.group(1);
        }
        return last;
    }

    private static int offsetOf(String body, int line, int column) {
        int offset = 0;
        for (int l = 1; l < line && offset >= 0; l++) {
            offset = body.indexOf('\n', offset) + 1;
            if (offset == 0) {
                return body.length();
            }
        }
        return offset + Math.max(0, column - 1);
    }
}
