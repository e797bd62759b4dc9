package io.prepline.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class NulFreeTextTest {

    record Named(String name, List<String> tags) {
    }

    private final ObjectMapper json = new ObjectMapper();

    NulFreeTextTest() {
        new NulFreeText().customize(json);
    }

    @Test
    void textWithANulCharacterIsRefusedNamingItsField() {
        JsonMappingException refused = assertThrows(JsonMappingException.class,
                () -> json.readValue("{\"name\":\"a\\u0000b\",\"tags\":[]}", Named.class));
        assertEquals("name", ProblemMapper.path(refused));
        JsonMappingException inList = assertThrows(JsonMappingException.class,
                () -> json.readValue("{\"name\":\"a\",\"tags\":[\"ok\",\"\\u0000\"]}", Named.class));
        assertEquals("tags[1]", ProblemMapper.path(inList));
    }

    @Test
    void otherControlCharactersAndUnicodeAreText() throws Exception {
        Named named = json.readValue("{\"name\":\"\\u0001\\u001f \\u00fc\\ud83d\\ude00\",\"tags\":null}", Named.class);
        assertEquals("\u0001\u001f \u00fc\ud83d\ude00", named.name());
    }
}
