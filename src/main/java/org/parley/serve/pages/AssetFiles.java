package org.parley.serve.pages;

import java.util.Map;

/**
 * The files under {@code /assets/}: Parley's own, in this package's resources, and D3 from its
 * WebJar (org.webjars.npm:d3, a dependency bundled in the jar) with its licence.
 */
final class AssetFiles {

    private static final String OWN = "org/parley/serve/pages/assets/";
    private static final String D3 = "META-INF/resources/webjars/d3/7.9.0/";
    private static final Map<String, String> FILES = Map.of(
            "parley.css", OWN + "parley.css",
            "report.js", OWN + "report.js",
            "pictures.js", OWN + "pictures.js",
            "d3.min.js", D3 + "dist/d3.min.js",
            "d3-LICENSE.txt", D3 + "LICENSE");

    private AssetFiles() {}

    /** The classpath resource for an asset name, or null. */
    static String resource(String name) {
        return FILES.get(name);
    }
}
