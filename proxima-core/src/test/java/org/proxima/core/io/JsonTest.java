package org.proxima.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void roundTrip() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("steps", 2048L);
        m.put("density_g_cm3", 2.1657);
        m.put("name", "a \"quoted\"\nline");
        m.put("flags", List.of(true, false));
        m.put("nested", Map.of("count", 3L));
        m.put("values", new double[] {1.5, -2.25});
        m.put("missing", Double.NaN);
        String text = Json.write(m);
        @SuppressWarnings("unchecked")
        Map<String, Object> back = (Map<String, Object>) Json.parse(text);
        assertEquals(2048L, back.get("steps"));
        assertEquals(2.1657, back.get("density_g_cm3"));
        assertEquals("a \"quoted\"\nline", back.get("name"));
        assertEquals(List.of(true, false), back.get("flags"));
        assertEquals(Map.of("count", 3L), back.get("nested"));
        assertEquals(List.of(1.5, -2.25), back.get("values"));
        assertNull(back.get("missing"));
        assertTrue(back.containsKey("missing"));
        assertEquals(List.copyOf(m.keySet()), List.copyOf(back.keySet()));
        assertEquals(back, Json.parse(Json.writeLine(m)));
    }

    @Test
    void doublesReadBackBitForBitAndIntegersStayLongs() {
        double[] hard = {0.1 + 0.2, 1e-310, Double.MIN_VALUE, Double.MAX_VALUE, -0.0, 1e20, 123456789.123456789,
            Math.PI * 1e-7};
        @SuppressWarnings("unchecked")
        List<Object> back = (List<Object>) Json.parse(Json.writeLine(hard));
        for (int k = 0; k < hard.length; k++) {
            assertEquals(Double.doubleToRawLongBits(hard[k]), Double.doubleToRawLongBits((Double) back.get(k)),
                    "value " + hard[k]);
        }
        assertEquals(List.of(Long.MAX_VALUE, 3L), Json.parse("[9223372036854775807, 3]"));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a", 1L);
        m.put("b", new double[] {1.5, Double.NaN});
        m.put("c", "<x>");
        assertEquals("{\"a\":1,\"b\":[1.5,null],\"c\":\"<x>\"}", Json.writeLine(m));
    }

    @Test
    void malformedInputNamesThePosition() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\": [1, 2}"));
        assertTrue(e.getMessage().contains("line 1 column"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\": 1} trailing"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{'a': NaN}"), "strict: no lenient forms");
    }
}
