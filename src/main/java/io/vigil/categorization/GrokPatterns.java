package io.vigil.categorization;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The grok patterns tried for the variable parts of a category, in the order Elasticsearch's
 * {@code GrokPatternCreator} tries them, with the field name each match gets. The regexes are our own renderings of
 * the public Logstash grok definitions of the same names, simplified where the full ones only add rare variants.
 */
final class GrokPatterns {

    /** A grok pattern: its name, the field name of its matches and the regex that finds it inside a string. */
    record Candidate(String grokName, String fieldName, Pattern pattern) {}

    private static final String MONTH = "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?"
            + "|Aug(?:ust)?|Sep(?:tember)?|Sept|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";
    private static final String DAY =
            "(?:Mon(?:day)?|Tue(?:sday)?|Wed(?:nesday)?|Thu(?:rsday)?|Fri(?:day)?" + "|Sat(?:urday)?|Sun(?:day)?)";
    private static final String MONTH_DAY = "(?:0?[1-9]|[12]\\d|3[01])";
    private static final String TIME = "(?:[01]?\\d|2[0-3]):[0-5]\\d(?::(?:[0-5]?\\d|60)(?:[.,]\\d+)?)?";
    private static final String ZONE = "(?:Z|[+-](?:[01]?\\d|2[0-3]):?[0-5]\\d)";
    private static final String TZ = "[A-Z]{3}";
    private static final String IPV4 =
            "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}";
    private static final String IPV6 = "(?:[A-Fa-f0-9]{1,4}:){7}[A-Fa-f0-9]{1,4}"
            + "|(?:[A-Fa-f0-9]{1,4}:){1,7}:(?:[A-Fa-f0-9]{1,4}(?::[A-Fa-f0-9]{1,4}){0,6})?";

    static final List<Candidate> CANDIDATES = List.of(
            timestamp("TOMCAT_DATESTAMP", "20\\d\\d-\\d\\d-\\d\\d " + TIME + " " + ZONE),
            timestamp("TIMESTAMP_ISO8601", "\\d{4}-\\d\\d-\\d\\d[T ]" + TIME + ZONE + "?"),
            timestamp("DATESTAMP_RFC822", DAY + " " + MONTH + " " + MONTH_DAY + " \\d{4} " + TIME + " " + TZ),
            timestamp("DATESTAMP_RFC2822", DAY + ", " + MONTH_DAY + " " + MONTH + " \\d{4} " + TIME + " " + ZONE),
            timestamp("DATESTAMP_OTHER", DAY + " " + MONTH + " " + MONTH_DAY + " " + TIME + " " + TZ + " \\d{4}"),
            timestamp("DATESTAMP_EVENTLOG", "\\d{4}(?:0[1-9]|1[0-2])" + "(?:0[1-9]|[12]\\d|3[01])\\d{6}"),
            timestamp("SYSLOGTIMESTAMP", MONTH + " +" + MONTH_DAY + " " + TIME),
            timestamp("HTTPDATE", MONTH_DAY + "/" + MONTH + "/\\d{4}:" + TIME + " [+-]\\d{4}"),
            timestamp("CATALINA_DATESTAMP", MONTH + " " + MONTH_DAY + ", 20\\d\\d " + TIME + " (?:AM|PM)"),
            timestamp("CISCOTIMESTAMP", MONTH + " " + MONTH_DAY + " " + TIME),
            candidate("DATE", "date", "\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}|\\d{4}[./-]\\d{1,2}[./-]\\d{1,2}"),
            candidate("TIME", "time", TIME),
            candidate(
                    "LOGLEVEL",
                    "loglevel",
                    "(?:[Aa]lert|ALERT|[Tt]race|TRACE|[Dd]ebug|DEBUG|[Nn]otice|NOTICE"
                            + "|[Ii]nfo|INFO|[Ww]arn(?:ing)?|WARN(?:ING)?|[Ee]rr(?:or)?|ERR(?:OR)?|[Cc]rit(?:ical)?"
                            + "|CRIT(?:ICAL)?|[Ff]atal|FATAL|[Ss]evere|SEVERE|[Ee]merg(?:ency)?|EMERG(?:ENCY)?)"),
            candidate(
                    "URI",
                    "uri",
                    "[A-Za-z][A-Za-z0-9+.-]*://(?:[^\\s@/]+@)?[^\\s/?#:]+(?::\\d+)?"
                            + "(?:/[^\\s?#]*)?(?:\\?[^\\s#]*)?(?:#\\S*)?"),
            candidate("UUID", "uuid", "[A-Fa-f0-9]{8}-(?:[A-Fa-f0-9]{4}-){3}[A-Fa-f0-9]{12}"),
            candidate(
                    "MAC",
                    "macaddress",
                    "(?:[A-Fa-f0-9]{2}[:-]){5}[A-Fa-f0-9]{2}|(?:[A-Fa-f0-9]{4}\\.){2}[A-Fa-f0-9]{4}"),
            candidate("PATH", "path", "(?:/[\\w%!$@:.,+~-]*)+|[A-Za-z]+:(?:\\\\[^\\\\?*\\s]*)+"),
            candidate(
                    "EMAILADDRESS",
                    "email",
                    "[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}"
                            + "[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)*"),
            candidate("IP", "ipaddress", IPV6 + "|" + IPV4),
            candidate("QUOTEDSTRING", "field", "\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'"),
            candidate("NUMBER", "field", "[+-]?(?:\\d+(?:\\.\\d+)?|\\.\\d+)"),
            candidate("BASE16NUM", "field", "(?:0[xX])?[0-9A-Fa-f]+"));

    private GrokPatterns() {}

    private static Candidate timestamp(String grokName, String regex) {
        return candidate(grokName, "timestamp", regex);
    }

    /** Builds a candidate whose matches do not continue a word or number, so {@code 12} is not found in {@code v12}. */
    private static Candidate candidate(String grokName, String fieldName, String regex) {
        return new Candidate(grokName, fieldName, Pattern.compile("(?<![\\w.])(?:" + regex + ")(?![\\w]|\\.\\d)"));
    }
}
