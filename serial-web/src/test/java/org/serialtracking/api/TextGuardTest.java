package org.serialtracking.api;

import org.junit.jupiter.api.Test;
import org.serialtracking.common.ErrorCode;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TextGuardTest {

    private static Optional<TextGuard.Refusal> scan(String json) {
        return scan(json, false);
    }

    private static Optional<TextGuard.Refusal> scan(String json, boolean lineBreaksAllowed) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        assertThat(TextGuard.mayHoldForbiddenText(body)).as("pre-check of %s", json).isTrue();
        return TextGuard.scan(body, lineBreaksAllowed);
    }

    @Test
    void aControlCharacterIsRefusedNamingItsJsonPath() {
        assertThat(scan("{\"type\":\"RECEIPT\",\"lines\":[{\"sku\":\"A\",\"location\":\"WH\"},"
                + "{\"sku\":\"B\",\"location\":\"W\\u0000H\"}]}"))
                .contains(new TextGuard.Refusal(ErrorCode.VALIDATION,
                        "lines[1].location must not contain control characters (U+0000)", List.of()));
        assertThat(scan("{\"name\":\"Pump\\u0007\"}")).get().extracting(TextGuard.Refusal::detail)
                .isEqualTo("name must not contain control characters (U+0007)");
        assertThat(scan("{\"a\":{\"b\":[[1,\"x\"],[\"ok\",\"\\u001f\"]]}}")).get()
                .extracting(TextGuard.Refusal::detail).asString().startsWith("a.b[1][1] must not");
        assertThat(scan("[\"ok\",\"\\u0085\"]")).get().extracting(TextGuard.Refusal::detail).asString()
                .startsWith("[1] must not contain control characters (U+0085)");
        assertThat(scan("\"\\u0000\"")).get().extracting(TextGuard.Refusal::detail).asString()
                .startsWith("the body must not");
    }

    @Test
    void rawDelAndC1ControlsAreFoundWithoutEscapes() {
        assertThat(scan("{\"reference\":\"a\u007fb\"}")).get().extracting(TextGuard.Refusal::detail).asString()
                .startsWith("reference must not contain control characters (U+007F)");
        assertThat(scan("{\"reference\":\"a\u0090b\"}")).isPresent();
    }

    @Test
    void valuesInSerialListsAreInvalidSerialsNamingTheSerial() {
        assertThat(scan("{\"lines\":[{\"serials\":[\"SN-1\",\"SN\\t2\"]}]}"))
                .contains(new TextGuard.Refusal(ErrorCode.INVALID_SERIAL,
                        "lines[0].serials[1]: a serial number must not contain control characters (U+0009)",
                        List.of("SN\t2")));
        assertThat(scan("{\"location\":\"WH\",\"exclude\":[\"\\u0000\"]}")).get()
                .extracting(TextGuard.Refusal::code).isEqualTo(ErrorCode.INVALID_SERIAL);
        assertThat(scan("{\"first\":\"SN\\u00001\"}")).get()
                .extracting(TextGuard.Refusal::code).isEqualTo(ErrorCode.VALIDATION);
    }

    @Test
    void aGs1SeparatorPassesInSerialEntriesOnly() {
        // FNC1 as GS (U+001D) between a GS1 barcode's fields: the service reads or refuses it
        assertThat(scan("{\"lines\":[{\"serials\":[\"0109506000134352211\\u001d10L\"]}]}")).isEmpty();
        assertThat(scan("{\"reference\":\"a\\u001db\"}")).get().extracting(TextGuard.Refusal::detail).asString()
                .startsWith("reference must not contain control characters (U+001D)");
        // with another control character beside it, the entry is still refused
        assertThat(scan("{\"serials\":[\"A\\u001dB\\u0000\"]}")).get()
                .extracting(TextGuard.Refusal::code).isEqualTo(ErrorCode.INVALID_SERIAL);
    }

    @Test
    void loneSurrogatesAreRefused() {
        assertThat(scan("{\"name\":\"\\ud800\"}")).get().extracting(TextGuard.Refusal::detail).asString()
                .contains("surrogate");
        assertThat(scan("{\"name\":\"\\ud83d\\ude00 fine\"}")).isEmpty();
    }

    @Test
    void lineBreaksPassOnlyWhereAllowed() {
        assertThat(scan("{\"text\":\"SN-1\\nSN-2\\r\\n\\tSN-3\"}", true)).isEmpty();
        assertThat(scan("{\"text\":\"SN-1\\nSN-2\"}", false)).isPresent();
        assertThat(scan("{\"text\":\"SN-1\\u0000\"}", true)).isPresent();
    }

    @Test
    void escapesThatAreNotControlsAndWhiteSpaceBetweenTokensPass() {
        assertThat(scan("{\n\t\"name\" : \"a \\\"quoted\\\" \\\\ \\/ \\u00e9\",\r\n \"n\": 1}")).isEmpty();
    }

    @Test
    void malformedJsonIsLeftToTheBinding() {
        assertThat(scan("{\"name\":\"a\\u0000")).isEmpty(); // the string never ends: 400 from the binding
        assertThat(scan("{\"name\":\\")).isEmpty();
        assertThat(TextGuard.scan(new byte[]{'{', (byte) 0xFF, (byte) 0xFE, '\\'}, false)).isEmpty();
    }

    @Test
    void mostBodiesAreNotParsedTwice() {
        assertThat(TextGuard.mayHoldForbiddenText("{\"sku\":\"SKU-1\",\"name\":\"Pompe à eau\",\"q\":1}"
                .getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    @Test
    void parametersAreCheckedByTheSameRule() {
        assertThat(TextGuard.check("query parameter 'q'", false, "a\u0000", false)).get()
                .extracting(TextGuard.Refusal::detail).isEqualTo("query parameter 'q' must not contain control characters (U+0000)");
        assertThat(TextGuard.check("query parameter 'serial'", true, "a\u0001", false)).get()
                .extracting(TextGuard.Refusal::code).isEqualTo(ErrorCode.INVALID_SERIAL);
        assertThat(TextGuard.check("query parameter 'q'", false, "Série 50% Q?1 H#1", false)).isEmpty();
    }
}
