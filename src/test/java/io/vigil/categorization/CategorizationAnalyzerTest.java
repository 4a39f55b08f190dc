package io.vigil.categorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.common.VigilException;
import io.vigil.job.AnalysisConfig;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CategorizationAnalyzerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CategorizationAnalyzer standard = CategorizationAnalyzer.standard(List.of());

    @Test
    void keepsFirstLineWithLetters() {
        List<String> tokens = standard.analyze("\n  12 34\r\nConnection refused by server\r\nat frame two");

        assertThat(tokens).containsExactly("Connection", "refused", "by", "server");
    }

    @Test
    void messageWithoutLettersHasNoTokens() {
        assertThat(standard.analyze("12:30:45 1234\n5678")).isEmpty();
    }

    @Test
    void removesCategorizationFiltersBeforeTokenizing() {
        CategorizationAnalyzer filtered = CategorizationAnalyzer.standard(List.of("\\[.*?\\]", "user=\\S+"));

        List<String> tokens = filtered.analyze("login [worker-7 thread] failed user=alice code");

        assertThat(tokens).containsExactly("login", "failed", "code");
    }

    @Test
    void removesDateWordsCaseSensitively() {
        List<String> tokens = standard.analyze("Backup started Monday Mon Jan January GMT UTC monday jan");

        assertThat(tokens).containsExactly("Backup", "started", "monday", "jan");
    }

    @Test
    void keepsPathsAndUrlsAsSingleTokens() {
        List<String> tokens =
                standard.analyze("GET https://example.org/a/b.html from /var/log/app.log and C:\\Temp\\x.txt");

        assertThat(tokens)
                .containsExactly(
                        "GET", "https://example.org/a/b.html", "from", "/var/log/app.log", "and", "C:\\Temp\\x.txt");
    }

    @Test
    void dropsNumbersAndHexValues() {
        List<String> tokens = standard.analyze("took 123 ms at 0x7fff deadbeef 1.2.3-4 for cafe_babe v2");

        assertThat(tokens).containsExactly("took", "ms", "at", "for", "cafe_babe", "v2");
    }

    @Test
    void stripsTrailingSeparatorsAndSplitsColons() {
        List<String> tokens = standard.analyze("error: user@ name_ host.example.com. key:value");

        assertThat(tokens).containsExactly("error", "user", "name", "host.example.com", "key", "value");
    }

    @Test
    void leavesMarkersWhereTokensWereDropped() {
        List<String> tokens = standard.analyzeWithDropMarkers("size 42 of blk 0xff");

        assertThat(tokens).containsExactly("size", Tokenizer.DROPPED, "of", "blk", Tokenizer.DROPPED);
    }

    @Test
    void keepsAtMostOneHundredTokens() {
        String message = "word ".repeat(150);

        assertThat(standard.analyze(message)).hasSize(100);
    }

    @Test
    void classicTokenizerSplitsPaths() {
        assertThat(MlTokenizer.classic().tokenize("open /var/log/app.log now"))
                .containsExactly("open", "var", "log", "app.log", "now");
    }

    @Test
    void customAnalyzerWithPatternTokenizer() {
        CategorizationAnalyzer analyzer = fromJson("""
                {"char_filter": ["first_non_blank_line",
                                 {"type": "pattern_replace", "pattern": "\\\\d+", "replacement": "N"}],
                 "tokenizer": {"type": "pattern", "pattern": "[\\\\s,]+"},
                 "filter": ["lowercase", {"type": "stop", "stopwords": ["the"]}]}
                """);

        List<String> tokens = analyzer.analyze("\n   \nThe Disk 12,full on SDA3\nsecond line");

        assertThat(tokens).containsExactly("disk", "n", "full", "on", "sdan");
    }

    @Test
    void namedTokenizerInCustomAnalyzer() {
        CategorizationAnalyzer analyzer = fromJson("{\"tokenizer\": \"ml_classic\"}");

        assertThat(analyzer.analyze("Jan copy /x/y 99 done")).containsExactly("Jan", "copy", "x", "y", "done");
    }

    @Test
    void namedStandardAnalyzerLowercasesWords() {
        CategorizationAnalyzer analyzer =
                AnalyzerConfigParser.fromConfig(config(JSON.getNodeFactory().stringNode("standard"), null));

        assertThat(analyzer.analyze("Can't open FILE e.g now 42"))
                .containsExactly("can't", "open", "file", "e.g", "now", "42");
    }

    @Test
    void analyzerWithoutTokenizerIsRejected() {
        assertThatThrownBy(() -> fromJson("{\"filter\": [\"lowercase\"]}"))
                .isInstanceOf(VigilException.class)
                .hasMessageContaining("[categorization_analyzer] has no [tokenizer]");
    }

    @Test
    void unknownTokenizerIsRejected() {
        assertThatThrownBy(() -> fromJson("{\"tokenizer\": \"keyword\"}"))
                .isInstanceOf(VigilException.class)
                .hasMessageContaining("unknown type [keyword]");
    }

    @Test
    void invalidFilterRegexIsRejected() {
        assertThatThrownBy(() -> AnalyzerConfigParser.fromConfig(config(null, List.of("[unclosed"))))
                .isInstanceOf(VigilException.class)
                .hasMessageContaining("[categorization_filters] contains the invalid regular expression [[unclosed]");
    }

    private static CategorizationAnalyzer fromJson(String json) {
        JsonNode analyzer = JSON.readTree(json);
        return AnalyzerConfigParser.fromConfig(config(analyzer, null));
    }

    static AnalysisConfig config(JsonNode analyzer, List<String> filters) {
        return new AnalysisConfig(null, "message", filters, analyzer, null, null, null, List.of(), null, null, null);
    }
}
