package org.parley.serve.pages;

import java.util.Map;

/** The files under {@code /assets/}: Parley's own, in this package's resources. */
final class AssetFiles {

    private static final String OWN = "org/parley/serve/pages/assets/";
    private static final Map<String, String> FILES = Map.of(
            "parley.css", OWN + "parley.css",
            "report.js", OWN + "report.js");

    private AssetFiles() {}

    /** The classpath resource for an asset name, or null. */
    static String resource(String name) {
        return FILES.get(name);
    }
}
