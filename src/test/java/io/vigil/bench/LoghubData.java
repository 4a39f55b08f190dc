package io.vigil.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * A folder of LogHub samples: one subfolder per system {@code S} holding {@code S_2k.log_structured.csv} with the
 * columns {@code LineId}, {@code Content} and {@code EventTemplate}, and parser outputs with {@code LineId} and
 * {@code EventTemplate}.
 */
final class LoghubData {

    /** One line of a system: its id, message and ground-truth (or predicted) template. */
    record Line(long lineId, String content, String template) {}

    private LoghubData() {}

    /** Returns the names of the subfolders that hold a structured log, sorted by name. */
    static List<String> systems(Path folder) throws IOException {
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(child -> Files.isRegularFile(
                            structuredLog(folder, child.getFileName().toString())))
                    .map(child -> child.getFileName().toString())
                    .sorted()
                    .toList();
        }
    }

    static Path structuredLog(Path folder, String system) {
        return folder.resolve(system).resolve(system + "_2k.log_structured.csv");
    }

    /** Reads a CSV file with a header row, sorted by {@code LineId}; fields may be quoted and contain commas. */
    static List<Line> read(Path csv) throws IOException {
        CsvMapper mapper = new CsvMapper();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        List<Line> lines = new ArrayList<>();
        try (MappingIterator<Map<String, String>> rows =
                mapper.readerFor(Map.class).with(schema).readValues(csv.toFile())) {
            while (rows.hasNext()) {
                Map<String, String> row = rows.next();
                String lineId = row.get("LineId");
                if (lineId == null) {
                    throw new IOException(csv + " has no LineId column");
                }
                lines.add(new Line(Long.parseLong(lineId.trim()), row.get("Content"), row.get("EventTemplate")));
            }
        }
        lines.sort(Comparator.comparingLong(Line::lineId));
        return lines;
    }
}
