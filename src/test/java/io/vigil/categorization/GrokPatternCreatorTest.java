package io.vigil.categorization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class GrokPatternCreatorTest {

    @Test
    void findsIsoTimestampAndNumber() {
        String grok = GrokPatternCreator.create(
                ".*?Reader.+?RAW.*",
                List.of(
                        "2024-03-01T10:15:00Z Reader read RAW 1234 bytes",
                        "2024-03-02T11:16:01Z Reader read RAW 99 bytes"));

        assertThat(grok).isEqualTo(".*?%{TIMESTAMP_ISO8601:timestamp}.+?Reader.+?RAW.+?%{NUMBER:field}.*");
    }

    @Test
    void findsSyslogTimestamp() {
        String grok = GrokPatternCreator.create(
                ".*?sshd.+?session.+?opened.*",
                List.of("Jun 14 15:16:01 sshd: session opened", "Jul  1 09:00:59 sshd: session opened"));

        assertThat(grok).isEqualTo(".*?%{SYSLOGTIMESTAMP:timestamp}.+?sshd.+?session.+?opened.*");
    }

    @Test
    void findsIpAddressesWithRepeatedFieldNames() {
        String grok = GrokPatternCreator.create(
                ".*?Connection.+?from.+?to.*",
                List.of(
                        "Connection from 10.0.0.1 to 192.168.1.20 port 22",
                        "Connection from 172.16.5.4 to 10.10.10.10 port 2222"));

        assertThat(grok)
                .isEqualTo(".*?Connection.+?from.+?%{IP:ipaddress}.+?to.+?%{IP:ipaddress2}.+?%{NUMBER:field}.*");
    }

    @Test
    void numbersGetNumberedFieldNames() {
        String grok =
                GrokPatternCreator.create(".*?took.+?ms.*", List.of("job 12 took 340 ms of 3", "job 7 took 5 ms of 4"));

        assertThat(grok).isEqualTo(".+?%{NUMBER:field}.+?took.+?%{NUMBER:field2}.+?ms.+?%{NUMBER:field3}.*");
    }

    @Test
    void gapWithoutCommonPatternStaysWildcard() {
        String grok = GrokPatternCreator.create(
                ".*?Invalid.+?user.+?from.*",
                List.of("Invalid user chen from 10.0.0.1", "Invalid user admin from 10.0.0.2"));

        assertThat(grok).isEqualTo(".*?Invalid.+?user.+?from.+?%{IP:ipaddress}.*");
    }

    @Test
    void skipsTruncatedExamplesThatDoNotMatch() {
        String truncated = "Disk /dev/sda1 is ...";
        String grok = GrokPatternCreator.create(
                ".*?Disk.+?is.+?full.*", List.of("Disk /dev/sda1 is 95 full", "Disk /var/data is 99 full", truncated));

        assertThat(grok).isEqualTo(".*?Disk.+?%{PATH:path}.+?is.+?%{NUMBER:field}.+?full.*");
    }

    @Test
    void grokPatternMatchesLikeRegexWhenPatternsAreReplaced() {
        List<String> examples = List.of("GET https://a.example/x 200", "GET http://b.example/y/z 404");

        String grok = GrokPatternCreator.create(".*?GET.*", examples);

        assertThat(grok).isEqualTo(".*?GET.+?%{URI:uri}.+?%{NUMBER:field}.*");
        String asRegex = grok.replaceAll("%\\{[^}]+}", ".+?");
        assertThat(examples)
                .allMatch(example -> Pattern.compile(asRegex).matcher(example).matches());
    }

    @Test
    void emptyRegexOrExamplesGiveEmptyPattern() {
        assertThat(GrokPatternCreator.create("", List.of("a"))).isEmpty();
        assertThat(GrokPatternCreator.create(".*?a.*", List.of())).isEmpty();
        assertThat(GrokPatternCreator.create(null, null)).isEmpty();
    }
}
