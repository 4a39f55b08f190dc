package io.vigil.categorization;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Derives a category's {@code grok_pattern} from its {@code regex} and examples.
 *
 * <p>The regex is a sequence of literal words separated by the wildcards {@code .*?}, {@code .+?}, {@code .*} and
 * {@code .+}. Each example that matches the regex gives one string per wildcard. For each wildcard the first grok
 * pattern of {@link GrokPatterns#CANDIDATES} found in the strings of all examples replaces it, as
 * {@code %{NAME:field}}, and the text before and after the match is treated the same way, at most 10 levels deep.
 * Field names repeat with a suffix: {@code field}, {@code field2}, and so on. A wildcard with no common pattern stays
 * a wildcard. Examples that do not match the regex, such as truncated ones, are skipped.
 */
public final class GrokPatternCreator {

    /** The maximum depth of the search for more patterns around a found one, as in Elasticsearch. */
    static final int MAX_RECURSION_DEPTH = 10;

    private static final List<String> WILDCARDS = List.of(".*?", ".+?", ".*", ".+");

    private final Map<String, Integer> fieldNameCounts = new HashMap<>();
    private final StringBuilder grok = new StringBuilder();

    private GrokPatternCreator() {}

    /** Returns the grok pattern of a category, or {@code ""} when the regex or the examples are empty. */
    public static String create(String regex, List<String> examples) {
        if (regex == null || regex.isEmpty() || examples == null || examples.isEmpty()) {
            return "";
        }
        List<String> literals = new ArrayList<>();
        List<String> wildcards = new ArrayList<>();
        split(regex, literals, wildcards);
        List<List<String>> gapStrings = gapStrings(literals, wildcards, examples);
        GrokPatternCreator creator = new GrokPatternCreator();
        for (int gap = 0; gap < wildcards.size(); gap++) {
            creator.grok.append(literals.get(gap));
            boolean last = gap == wildcards.size() - 1 && literals.get(gap + 1).isEmpty();
            creator.appendGap(gapStrings.get(gap), wildcards.get(gap), last, 0);
        }
        creator.grok.append(literals.get(wildcards.size()));
        return creator.grok.toString();
    }

    /** Splits a regex into literals and the wildcards between them; there is always one more literal. */
    private static void split(String regex, List<String> literals, List<String> wildcards) {
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < regex.length()) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length()) {
                literal.append(c).append(regex.charAt(i + 1));
                i += 2;
                continue;
            }
            String wildcard = wildcardAt(regex, i);
            if (wildcard != null) {
                literals.add(literal.toString());
                literal.setLength(0);
                wildcards.add(wildcard);
                i += wildcard.length();
                continue;
            }
            literal.append(c);
            i++;
        }
        literals.add(literal.toString());
    }

    private static String wildcardAt(String regex, int index) {
        for (String wildcard : WILDCARDS) {
            if (regex.startsWith(wildcard, index)) {
                return wildcard;
            }
        }
        return null;
    }

    /** Returns, per wildcard, the text it covers in each example that matches the whole regex. */
    private static List<List<String>> gapStrings(List<String> literals, List<String> wildcards, List<String> examples) {
        StringBuilder capturing = new StringBuilder();
        for (int gap = 0; gap < wildcards.size(); gap++) {
            capturing
                    .append(literals.get(gap))
                    .append('(')
                    .append(wildcards.get(gap))
                    .append(')');
        }
        capturing.append(literals.get(wildcards.size()));
        Pattern pattern = Pattern.compile(capturing.toString(), Pattern.DOTALL);
        List<List<String>> gapStrings = new ArrayList<>();
        for (int gap = 0; gap < wildcards.size(); gap++) {
            gapStrings.add(new ArrayList<>());
        }
        for (String example : examples) {
            Matcher matcher = pattern.matcher(example);
            if (matcher.matches()) {
                for (int gap = 0; gap < wildcards.size(); gap++) {
                    gapStrings.get(gap).add(matcher.group(gap + 1));
                }
            }
        }
        return gapStrings;
    }

    private void appendGap(List<String> strings, String wildcard, boolean last, int depth) {
        if (strings.isEmpty() || depth > MAX_RECURSION_DEPTH) {
            grok.append(wildcard);
            return;
        }
        for (GrokPatterns.Candidate candidate : GrokPatterns.CANDIDATES) {
            List<String> before = new ArrayList<>(strings.size());
            List<String> after = new ArrayList<>(strings.size());
            if (findInAll(candidate.pattern(), strings, before, after)) {
                appendGap(before, wildcardFor(before, false), false, depth + 1);
                grok.append("%{").append(candidate.grokName()).append(':');
                grok.append(fieldName(candidate.fieldName())).append('}');
                appendGap(after, wildcardFor(after, last), last, depth + 1);
                return;
            }
        }
        grok.append(wildcardFor(strings, last));
    }

    private static boolean findInAll(Pattern pattern, List<String> strings, List<String> before, List<String> after) {
        for (String string : strings) {
            Matcher matcher = pattern.matcher(string);
            if (!matcher.find()) {
                return false;
            }
            before.add(string.substring(0, matcher.start()));
            after.add(string.substring(matcher.end()));
        }
        return true;
    }

    /** Returns {@code .*} at the end, {@code .*?} where some example has no text, otherwise {@code .+?}. */
    private static String wildcardFor(List<String> strings, boolean last) {
        if (last) {
            return ".*";
        }
        return strings.stream().anyMatch(String::isEmpty) ? ".*?" : ".+?";
    }

    private String fieldName(String base) {
        int count = fieldNameCounts.merge(base, 1, Integer::sum);
        return count == 1 ? base : base + count;
    }
}
