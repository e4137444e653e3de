package org.parley.link;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The Wikidata ids someone has verified, with the English DBpedia title seen beside each: the table
 * in docs/wikidata-ids.md (columns entity | Wikidata | DBpedia (en title) | where it was seen). Only
 * these may be linked, because an id from memory is too often a different item.
 */
public final class VerifiedWikidataIds {

    /** Where the project keeps the table, relative to its root. */
    public static final String FILE = "docs/wikidata-ids.md";

    private static final Pattern ID = Pattern.compile("Q[1-9][0-9]*");

    private final Map<String, String> dbpediaTitles;

    private VerifiedWikidataIds(Map<String, String> dbpediaTitles) {
        this.dbpediaTitles = Collections.unmodifiableMap(dbpediaTitles);
    }

    /** Reads the table rows whose second cell is a Q id; other lines (prose, header) are skipped. */
    public static VerifiedWikidataIds read(Path markdown) throws IOException {
        Map<String, String> titles = new LinkedHashMap<>();
        for (String line : Files.readAllLines(markdown)) {
            String[] cells = line.strip().split("\\|");
            // "| a | b | c | d |" splits into "", "a", "b", "c", "d".
            if (cells.length < 4 || !ID.matcher(cells[2].strip()).matches()) {
                continue;
            }
            titles.put(cells[2].strip(), cells[3].strip().replace(' ', '_'));
        }
        return new VerifiedWikidataIds(titles);
    }

    public boolean contains(String id) {
        return dbpediaTitles.containsKey(id);
    }

    /** The DBpedia resource name (spaces as underscores) verified for the id, or null. */
    public String dbpediaTitle(String id) {
        return dbpediaTitles.get(id);
    }

    /** Id → DBpedia resource name, in table order. */
    public Map<String, String> asMap() {
        return dbpediaTitles;
    }
}
