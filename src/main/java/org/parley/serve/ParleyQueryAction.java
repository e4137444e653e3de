package org.parley.serve;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.apache.jena.atlas.lib.Pair;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.fuseki.server.CounterName;
import org.apache.jena.fuseki.servlets.ActionErrorException;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.fuseki.system.ConNeg;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.WebContent;
import org.apache.jena.riot.web.HttpNames;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecDatasetBuilder;
import org.apache.jena.sparql.util.Context;

/**
 * Fuseki's SPARQL query operation with Parley's limits, for {@code /parley/sparql} and
 * {@code /parley/query}:
 * <ul>
 * <li>{@code GET} without a query answers the SPARQL 1.1 Service Description
 *     ({@link ServiceDescription}), in Turtle, RDF/XML, JSON-LD or N-Triples by {@code Accept};</li>
 * <li>the query's length, parse and SERVICE calls are checked first by {@link QueryGuard}:
 *     refusals are one short line (413, 400 or 422), never the client's input echoed back;</li>
 * <li>the time spent reading and parsing counts against the query timeout: the query runs for
 *     what is left of it (a client's {@code ?timeout=} can only lower that).</li>
 * </ul>
 */
final class ParleyQueryAction extends SPARQL_QueryDataset {

    /** What the service description is offered in; Turtle unless asked otherwise. */
    private static final MediaType DESCRIPTION_DEFAULT = MediaType.create(WebContent.contentTypeTurtle);
    private static final AcceptList DESCRIPTION_FORMATS = AcceptList.create(WebContent.contentTypeTurtle,
            WebContent.contentTypeRDFXML, WebContent.contentTypeJSONLD, WebContent.contentTypeNTriples,
            WebContent.contentTypeN3, WebContent.contentTypeRDFJSON);

    private final QueryGuard guard;
    private final long timeoutMillis;
    private final Function<String, Model> serviceDescription;

    /**
     * @param serviceDescription the description for an endpoint URL (called per request, so it
     *                           names the URL the client used)
     */
    ParleyQueryAction(QueryGuard guard, long timeoutMillis, Function<String, Model> serviceDescription) {
        this.guard = guard;
        this.timeoutMillis = timeoutMillis;
        this.serviceDescription = serviceDescription;
    }

    @Override
    public void execGet(HttpAction action) {
        if (action.getRequestParameter(HttpNames.paramQuery) == null) {
            sendServiceDescription(action);
            return;
        }
        super.execGet(action);
    }

    private void sendServiceDescription(HttpAction action) {
        MediaType mediaType = ConNeg.chooseContentType(action.getRequest(), DESCRIPTION_FORMATS, DESCRIPTION_DEFAULT);
        Lang lang = RDFLanguages.contentTypeToLang(mediaType.getContentTypeStr());
        if (lang == null || lang.equals(Lang.N3)) {
            lang = Lang.TURTLE;   // N3 is written as Turtle, which is N3; the label stays as asked
        }
        String endpoint = action.getRequestRequestURL().toString();
        Model description = serviceDescription.apply(endpoint);
        try {
            action.setResponseContentType(mediaType.getContentTypeStr() + "; charset=utf-8");
            action.setResponseStatus(200);
            RDFDataMgr.write(action.getResponseOutputStream(), description, lang);
        } catch (IOException e) {
            ServletOps.errorOccurred(e);
        }
    }

    /** Direct POST ({@code application/sparql-query}): read at most the limit, then refuse. */
    @Override
    protected void executeBody(HttpAction action) {
        String text;
        try {
            text = readAtMost(action.getRequestInputStream(), guard);
        } catch (IOException e) {
            ServletOps.errorBadRequest(PlainTextError.ascii("Could not read the request body: " + QueryGuard.cut(String.valueOf(e.getMessage()))));
            return;
        } catch (QueryGuard.Refusal refusal) {
            ServletOps.error(refusal.status(), PlainTextError.ascii(refusal.getMessage()));
            return;
        }
        execute(text, action);
    }

    @Override
    protected void execute(String queryString, HttpAction action) {
        if (queryString == null || queryString.isBlank()) {
            ServletOps.errorBadRequest("Empty query: send a SPARQL query as query=... or as the request body");
        }
        Query query;
        try {
            query = guard.query(queryString);
        } catch (QueryGuard.Refusal refusal) {
            ServletOps.error(refusal.status(), PlainTextError.ascii(refusal.getMessage()));
            return;
        }
        // Fuseki's execute(String, HttpAction) would parse the text a second time (and quote all of
        // it in some errors): run the parsed query through the same steps instead.
        try {
            run(query, QueryGuard.cut(queryString), action);
        } catch (ActionErrorException e) {
            throw withoutInternals(e);
        } catch (StackOverflowError e) {
            throw new ActionErrorException(400, QueryGuard.tooDeep("query").getMessage(), null);
        }
    }

    /** Fuseki's steps after the parse: the dataset, the execution, the answer, in one read transaction. */
    private void run(Query query, String queryForLog, HttpAction action) {
        action.beginRead();
        try {
            Pair<DatasetGraph, Query> chosen = decideDataset(action, query, queryForLog);
            Query run = chosen.getRight() != null ? chosen.getRight() : query;
            try (QueryExec exec = createQueryExec(action, run, chosen.getLeft())) {
                sendResults(action, executeQuery(action, exec, query, queryForLog), query.getPrologue());
            }
        } catch (QueryCancelledException e) {
            action.abortSilent();
            if (action.getEndpoint().getCounters().contains(CounterName.QueryTimeouts)) {
                action.getEndpoint().getCounters().inc(CounterName.QueryTimeouts);   // for /$/stats
            }
            throw e;
        } finally {
            action.endRead();
        }
    }

    /**
     * An error whose message names Java's insides says it plainly instead: a stack overflow (Fuseki
     * answered 400 with the body "StackOverflowError", seen by scripts/reliability.sh when its own
     * second parse of a 5,000-pattern query ran out of stack, before that parse was dropped), or
     * an error whose message is only a Java class name.
     */
    static ActionErrorException withoutInternals(ActionErrorException e) {
        String message = e.getMessage() == null ? "" : e.getMessage().strip();
        if (message.contains("StackOverflowError")) {
            return new ActionErrorException(e.getRC(), QueryGuard.tooDeep("query").getMessage(), null);
        }
        if (JAVA_CLASS_NAME.matcher(message).matches()) {
            return new ActionErrorException(e.getRC(), "The query could not be run (HTTP " + e.getRC() + ").", null);
        }
        return e;
    }

    /** A bare class name, as Fuseki reports an exception without a message: "QueryExecException". */
    private static final java.util.regex.Pattern JAVA_CLASS_NAME =
            java.util.regex.Pattern.compile("[A-Za-z_$][\\w$.]*(Exception|Error)");

    /**
     * The query runs for what is left of the timeout once the request has been read and parsed;
     * a client's {@code ?timeout=} (seconds) can only lower it.
     */
    @Override
    protected QueryExec createQueryExec(HttpAction action, Query query, DatasetGraph dataset) {
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - action.getStartTime());
        long limit = timeoutMillis;
        String asked = action.getRequestParameter("timeout");
        if (asked != null) {
            try {
                long millis = (long) (Double.parseDouble(asked) * 1000);
                if (millis > 0) {
                    limit = Math.min(limit, millis);
                }
            } catch (NumberFormatException ignored) {
                // Not a number: the server's own limit applies.
            }
        }
        long left = limit - elapsed;
        if (left <= 0) {
            throw new QueryCancelledException();
        }
        // The context's own timeout setting would otherwise restart the clock.
        Context context = action.getContext().copy();
        context.unset(ARQ.queryTimeout);
        QueryExecDatasetBuilder builder = QueryExec.newBuilder()
                .dataset(dataset)
                .query(query)
                .context(context)
                .overallTimeout(left, TimeUnit.MILLISECONDS);
        return builder.build();
    }

    /** Reads a body as UTF-8, refusing it (413) as soon as it passes the query limit. */
    static String readAtMost(InputStream in, QueryGuard guard) throws IOException {
        byte[] bytes = in.readNBytes(guard.maxQueryBytes() + 1);
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (bytes.length > guard.maxQueryBytes()) {
            guard.checkLength(text, "query");
        }
        return text;
    }
}
