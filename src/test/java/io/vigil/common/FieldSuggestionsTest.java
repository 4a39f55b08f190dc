package io.vigil.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FieldSuggestionsTest {

    private static final List<String> ANALYSIS = List.of("bucket_span", "detectors", "influencers", "latency");

    @Test
    void typoGetsClosestName() {
        assertThat(FieldSuggestions.suffix("bucket_spam", ANALYSIS)).isEqualTo(" did you mean [bucket_span]?");
        assertThat(FieldSuggestions.suffix("influencer", ANALYSIS)).isEqualTo(" did you mean [influencers]?");
    }

    @Test
    void equallyCloseNamesAreListed() {
        assertThat(FieldSuggestions.suffix("field", List.of("fields", "yield", "time_field")))
                .isEqualTo(" did you mean any of [fields, yield]?");
    }

    @Test
    void distantOrShortNameGetsNone() {
        assertThat(FieldSuggestions.suffix("foo", ANALYSIS)).isEmpty();
        assertThat(FieldSuggestions.suffix("span", ANALYSIS)).isEmpty();
    }

    @Test
    void distanceCountsEdits() {
        assertThat(FieldSuggestions.distance("time_feild", "time_field")).isEqualTo(2);
        assertThat(FieldSuggestions.distance("fieldname", "field_name")).isEqualTo(1);
        assertThat(FieldSuggestions.distance("", "abc")).isEqualTo(3);
    }
}
