package io.vigil.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonErrorMessagesTest {

    @Test
    void sourceDescriptionIsRemoved() {
        String message = "Unexpected end-of-input: expected close marker for Object (start marker at [Source: REDACTED"
                + " (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); byte offset: #UNKNOWN])";

        assertThat(JsonErrorMessages.describe(message))
                .isEqualTo("Unexpected end-of-input: expected close marker for Object");
    }

    @Test
    void onlyFirstLineIsKept() {
        assertThat(JsonErrorMessages.describe("Unexpected character ('x')\n at [Source: REDACTED; line: 1]"))
                .isEqualTo("Unexpected character ('x')");
    }

    @Test
    void missingMessageIsEmpty() {
        assertThat(JsonErrorMessages.describe(null)).isEmpty();
    }
}
