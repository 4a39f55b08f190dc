package io.vigil.bench.nab;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Series of a folder laid out like NAB v1.1: {@code data/<category>/<file>.csv} and {@code
 * labels/combined_windows.json}. Immutable, with its series sorted by name.
 */
public final class NabCorpus {

    private final Map<String, NabSeries> seriesByName;

    private NabCorpus(List<NabSeries> series) {
        if (series.isEmpty()) {
            throw new IllegalArgumentException("A corpus needs at least one series");
        }
        Map<String, NabSeries> byName = new LinkedHashMap<>();
        series.stream().sorted(Comparator.comparing(NabSeries::name)).forEach(each -> {
            if (byName.put(each.name(), each) != null) {
                throw new IllegalArgumentException("Series " + each.name() + " appears twice; names must be unique");
            }
        });
        this.seriesByName = byName;
    }

    /** Returns a corpus of the given series. */
    public static NabCorpus of(List<NabSeries> series) {
        return new NabCorpus(series);
    }

    /** Loads every series under {@code folder/data}. */
    public static NabCorpus load(Path folder) throws IOException {
        return load(folder, "**");
    }

    /**
     * Loads the series under {@code folder/data} whose path there matches a glob, for example {@code realKnownCause/*}
     * or {@code realTraffic/speed_*.csv}. Labels of files that are absent are ignored. A data file without
     * an entry in {@code labels/combined_windows.json} is an error, because an empty list and a missing label differ.
     */
    public static NabCorpus load(Path folder, String seriesGlob) throws IOException {
        Path dataFolder = folder.resolve("data");
        if (!Files.isDirectory(dataFolder)) {
            throw new IllegalArgumentException("Folder " + dataFolder
                    + " not found; expected a NAB folder with data/ and " + NabLabels.WINDOWS_FILE);
        }
        Map<String, List<List<String>>> windowsByName = NabLabels.readWindows(folder);
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + seriesGlob);
        List<NabSeries> series = new ArrayList<>();
        for (Path file : listCsvFiles(dataFolder)) {
            Path relative = dataFolder.relativize(file);
            if (!matcher.matches(relative)) {
                continue;
            }
            String name = relative.toString().replace(file.getFileSystem().getSeparator(), "/");
            List<List<String>> windows = windowsByName.get(name);
            if (windows == null) {
                throw new IllegalArgumentException("data/" + name + " has no entry in " + NabLabels.WINDOWS_FILE
                        + "; add one, with an empty list if the file has no anomaly");
            }
            NabDataFiles.Rows rows = NabDataFiles.read(file);
            long[] timestamps = rows.timestampsMillis();
            series.add(new NabSeries(name, timestamps, rows.values(), NabLabels.toRows(name, timestamps, windows)));
        }
        if (series.isEmpty()) {
            throw new IllegalArgumentException("No .csv file under " + dataFolder + " matches [" + seriesGlob + "]");
        }
        return new NabCorpus(series);
    }

    private static List<Path> listCsvFiles(Path dataFolder) throws IOException {
        try (Stream<Path> files = Files.walk(dataFolder)) {
            return files.filter(path -> path.getFileName().toString().endsWith(".csv"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        }
    }

    /** Returns the series whose name matches a glob such as {@code realTraffic/*}. */
    public NabCorpus select(String seriesGlob) {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + seriesGlob);
        List<NabSeries> selected = seriesByName.values().stream()
                .filter(each -> matcher.matches(Path.of(each.name())))
                .toList();
        if (selected.isEmpty()) {
            throw new IllegalArgumentException("No series matches [" + seriesGlob + "]; names look like "
                    + seriesByName.keySet().iterator().next());
        }
        return new NabCorpus(selected);
    }

    /** Returns the series sorted by name. */
    public List<NabSeries> series() {
        return List.copyOf(seriesByName.values());
    }

    /** Returns the series of a name such as {@code realKnownCause/nyc_taxi.csv}. */
    public NabSeries series(String name) {
        NabSeries series = seriesByName.get(name);
        if (series == null) {
            throw new IllegalArgumentException("Series " + name + " not found in the corpus; names look like "
                    + seriesByName.keySet().iterator().next());
        }
        return series;
    }

    public int windowCount() {
        return seriesByName.values().stream()
                .mapToInt(each -> each.windows().size())
                .sum();
    }

    public int rowCount() {
        return seriesByName.values().stream().mapToInt(NabSeries::rowCount).sum();
    }

    @Override
    public String toString() {
        return seriesByName.size() + " series, " + rowCount() + " rows, " + windowCount() + " windows";
    }
}
