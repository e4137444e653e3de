package org.parley.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.shared.AddDeniedException;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;

/** The VoID description is worked out once per version of the data and per endpoint URL. */
class DescriptionCacheTest {

    private final List<String> computations = new ArrayList<>();

    private Model describe(String endpoint) {
        computations.add(endpoint);
        Model m = ModelFactory.createDefaultModel();
        m.createResource(endpoint).addProperty(RDFS.label, "computation " + computations.size());
        return m;
    }

    @Test
    void dataThatNeverChangeAreDescribedOnce() {
        DescriptionCache cache = new DescriptionCache(this::describe, () -> "http://h:1/parley/sparql", null);
        Model first = cache.get();
        assertSame(first, cache.get());
        assertSame(first, cache.get());
        assertEquals(List.of("http://h:1/parley/sparql"), computations);
    }

    @Test
    void eachCommittedUpdateGivesANewDescriptionAtTheNextRequest() {
        AtomicLong generation = new AtomicLong();
        DescriptionCache cache = new DescriptionCache(this::describe, () -> "http://h:1/parley/sparql", generation::get);
        Model first = cache.get();
        assertSame(first, cache.get());
        generation.incrementAndGet();
        generation.incrementAndGet();
        Model second = cache.get();
        assertTrue(second.contains(null, RDFS.label, "computation 2"), "worked out again after the data changed");
        assertSame(second, cache.get());
        assertEquals(2, computations.size());
    }

    @Test
    void theEndpointKnownOnlyOnceTheServerListensIsNeverLeftOut() {
        AtomicReference<String> endpoint = new AtomicReference<>("http://h/parley/sparql");
        DescriptionCache cache = new DescriptionCache(this::describe, endpoint::get, null);
        cache.get();
        endpoint.set("http://h:8080/parley/sparql");
        assertTrue(cache.get().containsResource(ModelFactory.createDefaultModel().createResource("http://h:8080/parley/sparql")));
        assertEquals(List.of("http://h/parley/sparql", "http://h:8080/parley/sparql"), computations);
    }

    @Test
    void theSharedDescriptionCannotBeChangedByOneRequest() {
        DescriptionCache cache = new DescriptionCache(this::describe, () -> "http://h:1/parley/sparql", null);
        assertThrows(AddDeniedException.class, () -> cache.get().createResource("urn:x").addProperty(RDFS.label, "x"));
    }
}
