package io.vigil.categorization;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.results.CategoryDefinition;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CategoryDefinitionTest {

    private static final List<String> MESSAGES = List.of(
            "Invalid user webmaster from 173.234.31.186",
            "Invalid user chen from 202.100.179.208",
            "Invalid user pgadmin from 112.95.230.3",
            "Invalid user support from 195.154.37.122",
            "Invalid user inspur from 183.136.162.51",
            "Invalid user admin from 5.188.10.180");

    @Test
    void termsAreTheWordsCommonToAllMessages() {
        CategoryDefinition definition = categorize(MESSAGES).get(0);

        assertThat(definition.terms()).isEqualTo("Invalid user from");
        assertThat(definition.numMatches()).isEqualTo(6);
        assertThat(definition.jobId()).isEqualTo("job");
        assertThat(definition.partitionFieldName()).isNull();
    }

    @Test
    void regexMatchesEveryMessage() {
        CategoryDefinition definition = categorize(MESSAGES).get(0);

        assertThat(definition.regex()).isEqualTo(".*?Invalid.+?user.+?from.*");
        Pattern regex = Pattern.compile(definition.regex());
        assertThat(MESSAGES).allMatch(message -> regex.matcher(message).matches());
    }

    @Test
    void regexEscapesSpecialCharacters() {
        ReverseSearch search = new ReverseSearch(List.of("a.b", "c+d", "/x/y"));

        assertThat(search.regex()).isEqualTo(".*?a\\.b.+?c\\+d.+?/x/y.*");
        assertThat(Pattern.compile(search.regex())
                        .matcher("see a.b then c+d in /x/y")
                        .matches())
                .isTrue();
    }

    @Test
    void categoryWithoutWordsMatchesAnything() {
        CategoryDefinition definition = categorize(List.of("12 34", "56")).get(0);

        assertThat(definition.terms()).isEmpty();
        assertThat(definition.regex()).isEqualTo(".*");
    }

    @Test
    void maxMatchingLengthAddsTenPercent() {
        CategoryDefinition definition = categorize(MESSAGES).get(0);

        int longest = MESSAGES.stream().mapToInt(String::length).max().orElseThrow();
        assertThat(definition.maxMatchingLength()).isEqualTo((long) Math.floor(longest * 1.1));
    }

    @Test
    void maxMatchingLengthIsCappedByFirstMessage() {
        Category category = new Category(1, new int[] {1}, 10);
        category.maxMessageBytes = 100;
        ReverseSearch oneWord = new ReverseSearch(List.of("word"));

        long maxLength = DefinitionBuilder.maxMatchingLength(category, oneWord);

        assertThat(maxLength).isEqualTo(100);
    }

    @Test
    void keepsFirstDistinctExamplesSorted() {
        CategoryDefinition definition = categorize(MESSAGES).get(0);

        assertThat(definition.examples())
                .containsExactly(
                        "Invalid user chen from 202.100.179.208",
                        "Invalid user pgadmin from 112.95.230.3",
                        "Invalid user support from 195.154.37.122",
                        "Invalid user webmaster from 173.234.31.186");
    }

    @Test
    void truncatesLongExamplesAtCharacterBoundary() {
        String message = "value " + "é".repeat(600);

        String example = Category.truncate(message);

        byte[] bytes = example.getBytes(StandardCharsets.UTF_8);
        assertThat(bytes.length).isLessThanOrEqualTo(Category.MAX_EXAMPLE_BYTES);
        assertThat(bytes.length).isGreaterThan(Category.MAX_EXAMPLE_BYTES - 2);
        assertThat(example).endsWith("...");
        assertThat(example).startsWith("value é");
        assertThat(message).startsWith(example.substring(0, example.length() - 3));
    }

    @Test
    void shortExamplesAreKeptWhole() {
        String message = "x".repeat(1000);

        assertThat(Category.truncate(message)).isEqualTo(message);
    }

    @Test
    void storedExampleIsTruncated() {
        String message = "value " + "€".repeat(400);

        CategoryDefinition definition = categorize(List.of(message)).get(0);

        assertThat(definition.examples()).hasSize(1);
        assertThat(definition.examples().get(0).getBytes(StandardCharsets.UTF_8))
                .hasSizeLessThanOrEqualTo(1000);
        assertThat(definition.examples().get(0)).endsWith("...");
    }

    @Test
    void lessFrequentCategoryCoveredByAnotherIsPreferredTo() {
        JobCategorizer categorizer = JobCategorizerTest.categorizer();
        for (int i = 0; i < 5; i++) {
            categorizer.categorize("session closed by remote peer");
        }
        categorizer.categorize("session closed by remote peer x");

        List<CategoryDefinition> definitions = categorizer.definitions();

        assertThat(definitions).hasSize(2);
        assertThat(definitions.get(0).preferredToCategories()).containsExactly(2L);
        assertThat(definitions.get(1).preferredToCategories()).isEmpty();
        assertThat(categorizer.stats().deadCategoryCount()).isEqualTo(1);
    }

    private static List<CategoryDefinition> categorize(List<String> messages) {
        JobCategorizer categorizer = JobCategorizerTest.categorizer();
        messages.forEach(categorizer::categorize);
        return categorizer.definitions();
    }
}
