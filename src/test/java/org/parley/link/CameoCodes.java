package org.parley.link;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.parley.Fixtures;

/**
 * The CAMEO 1.1b3 codebook table the project keeps in docs/cameo.tsv (code, name, Goldstein score),
 * read independently of data/cameo.ttl so that tests can hold the one against the other.
 */
record CameoCodes(Map<String, String> names, Map<String, String> goldstein) {

    static final Path FILE = Fixtures.REAL_PROJECT.resolve("docs/cameo.tsv");

    static CameoCodes read() {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, String> goldstein = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(FILE)) {
                if (line.startsWith("#") || line.startsWith("code\t") || line.isBlank()) {
                    continue;
                }
                String[] cells = line.split("\t");
                names.put(cells[0], cells[1]);
                goldstein.put(cells[0], cells[2]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CameoCodes(names, goldstein);
    }
}
