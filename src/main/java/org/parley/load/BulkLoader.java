package org.parley.load;

import java.util.Locale;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.progress.MonitorOutputs;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.parley.validate.Problem;

/** Jena's TDB2 bulk loaders (as {@code tdb2.tdbloader --loader=...}), which write a whole database. */
public enum BulkLoader {
    PARALLEL, PHASED, SEQUENTIAL, BASIC;

    public static BulkLoader named(String name) throws LoadException {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new LoadException(Problem.error("--loader", "loader", "no loader named '" + name + "'",
                    "use parallel, phased, sequential or basic"));
        }
    }

    DataLoader create(DatasetGraph dataset) {
        var output = MonitorOutputs.nullOutput();
        return switch (this) {
            case PARALLEL -> LoaderFactory.parallelLoader(dataset, output);
            case PHASED -> LoaderFactory.phasedLoader(dataset, output);
            case SEQUENTIAL -> LoaderFactory.sequentialLoader(dataset, output);
            case BASIC -> LoaderFactory.basicLoader(dataset, output);
        };
    }
}
