package org.parley.link;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.document.JsonDocument;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.stream.JsonGenerator;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriter;

/**
 * Writes a graph as compact JSON-LD with Parley's context (ontology/context.jsonld), so that the
 * keys read {@code hasParty}, {@code inReport}, {@code label} instead of full IRIs. Jena's JSON-LD
 * writer cannot take a given context, so Jena writes expanded JSON-LD and Titanium (the JSON-LD 1.1
 * processor Jena itself uses) compacts it. The context is put inline, so the document reads the same
 * offline and needs no published context URL.
 */
public final class JsonLdWithContext {

    /** Where the project keeps its context, relative to its root. */
    public static final String CONTEXT_FILE = "ontology/context.jsonld";

    private JsonLdWithContext() {
    }

    /** The graph as a JSON-LD document, "@context" first, then "@graph". */
    public static String write(Graph graph, Path contextFile) throws IOException {
        String expanded = RDFWriter.source(graph).format(RDFFormat.JSONLD11_PLAIN).asString();
        JsonObject compacted;
        try (Reader context = Files.newBufferedReader(contextFile)) {
            compacted = JsonLd.compact(JsonDocument.of(new StringReader(expanded)), JsonDocument.of(context)).get();
        } catch (JsonLdError e) {
            throw new IOException("cannot compact with " + contextFile + ": " + e.getMessage(), e);
        }
        // Titanium puts "@context" wherever its map puts it; a reader wants it first.
        JsonObjectBuilder ordered = Json.createObjectBuilder();
        if (compacted.containsKey("@context")) {
            ordered.add("@context", compacted.get("@context"));
        }
        compacted.forEach((key, value) -> {
            if (!key.equals("@context")) {
                ordered.add(key, value);
            }
        });
        StringWriter out = new StringWriter();
        Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out).write(ordered.build());
        return out.toString();
    }
}
