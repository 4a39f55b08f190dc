package io.vigil.results.web;

import io.vigil.common.VigilException;
import io.vigil.results.domain.Paging;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The query-string options of a request. Every option an endpoint reads is marked, and {@link #rejectUnread()}
 * fails the request on any other, as Elasticsearch does, so that a misspelt option is never silently ignored. The
 * query string is decoded here rather than through the servlet parameters, which would also read a form body.
 */
final class QueryParameters implements RequestParameters {

    private final String path;
    private final Map<String, String> values;
    private final Set<String> read = new HashSet<>();

    QueryParameters(String path, String queryString) {
        this.path = path;
        this.values = decode(queryString);
    }

    private static Map<String, String> decode(String queryString) {
        Map<String, String> values = new LinkedHashMap<>();
        if (queryString == null || queryString.isEmpty()) {
            return values;
        }
        for (String pair : queryString.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            values.put(
                    URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return values;
    }

    @Override
    public boolean has(String name) {
        read.add(name);
        return values.containsKey(name);
    }

    @Override
    public Optional<String> text(String name) {
        read.add(name);
        return Optional.ofNullable(values.get(name));
    }

    /** Returns a boolean option. An empty value counts as {@code true}, so {@code ?expand} alone turns it on. */
    @Override
    public Optional<Boolean> flag(String name) {
        return text(name).map(value -> switch (value) {
            case "", "true" -> true;
            case "false" -> false;
            default ->
                throw VigilException.badRequest("Failed to parse value [" + value + "] of parameter [" + name
                        + "] as only [true] or [false] are allowed.");
        });
    }

    @Override
    public Optional<Double> number(String name) {
        return text(name).map(value -> {
            try {
                double number = Double.parseDouble(value);
                if (Double.isNaN(number)) {
                    throw new NumberFormatException("NaN");
                }
                return number;
            } catch (NumberFormatException e) {
                throw VigilException.badRequest(
                        "Failed to parse double parameter [" + name + "] with value [" + value + "]");
            }
        });
    }

    @Override
    public Optional<Long> wholeNumber(String name) {
        return text(name).map(value -> {
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw VigilException.badRequest(
                        "Failed to parse long parameter [" + name + "] with value [" + value + "]");
            }
        });
    }

    @Override
    public boolean hasPaging() {
        // Non-short-circuit, so that both options count as read.
        return has("from") | has("size");
    }

    @Override
    public Paging paging() {
        return new Paging(integer("from", Paging.DEFAULT_FROM), integer("size", Paging.DEFAULT_SIZE));
    }

    private int integer(String name, int fallback) {
        return text(name)
                .map(value -> {
                    try {
                        return Integer.parseInt(value);
                    } catch (NumberFormatException e) {
                        throw VigilException.badRequest(
                                "Failed to parse int parameter [" + name + "] with value [" + value + "]");
                    }
                })
                .orElse(fallback);
    }

    /** Returns the options that were given but not read, in request order. */
    List<String> unread() {
        return values.keySet().stream().filter(name -> !read.contains(name)).toList();
    }

    @Override
    public void rejectUnread() {
        List<String> unread = unread();
        if (unread.isEmpty()) {
            return;
        }
        StringBuilder reason = new StringBuilder("request [")
                .append(path)
                .append("] contains unrecognized parameter")
                .append(unread.size() > 1 ? "s" : "")
                .append(": ");
        for (int i = 0; i < unread.size(); i++) {
            reason.append(i == 0 ? "" : ", ").append('[').append(unread.get(i)).append(']');
        }
        throw VigilException.badRequest(reason.toString());
    }
}
