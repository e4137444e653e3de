package org.parley.serve;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.apache.jena.fuseki.servlets.ActionErrorException;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_Update;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryBuildException;
import org.apache.jena.riot.web.HttpNames;
import org.apache.jena.shared.JenaException;
import org.apache.jena.sparql.modify.UsingList;
import org.apache.jena.update.UpdateAction;
import org.apache.jena.update.UpdateException;
import org.apache.jena.update.UpdateRequest;

/**
 * Fuseki's SPARQL Update operation with Parley's limits: the update's length and parse are
 * checked by {@link QueryGuard} (short messages), it runs in one write transaction, and its
 * result is checked against the shapes before it commits ({@link ShapeCheckedDataset}). Any
 * failure aborts the transaction: the dataset is as it was.
 */
final class ParleyUpdateAction extends SPARQL_Update {

    private final QueryGuard guard;

    ParleyUpdateAction(QueryGuard guard) {
        this.guard = guard;
    }

    @Override
    protected void execute(HttpAction action, InputStream input) {
        String text;
        try {
            byte[] bytes = input.readNBytes(guard.maxQueryBytes() + 1);
            text = new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            ServletOps.errorBadRequest(PlainTextError.ascii("Could not read the update: " + QueryGuard.cut(String.valueOf(e.getMessage()))));
            return;
        }
        UpdateRequest request;
        try {
            request = guard.update(text, usingList(action));
        } catch (QueryGuard.Refusal refusal) {
            ServletOps.error(refusal.status(), PlainTextError.ascii(refusal.getMessage()));
            return;
        }
        action.beginWrite();
        try {
            UpdateAction.execute(request, action.getActiveDSG());
            action.commit();
        } catch (ActionErrorException e) {
            action.abortSilent();
            throw e;
        } catch (QueryBuildException | UpdateException e) {
            action.abortSilent();
            ServletOps.errorBadRequest(PlainTextError.ascii("Update failed: " + QueryGuard.cut(String.valueOf(e.getMessage())) + "; nothing was changed"));
        } catch (JenaException e) {
            action.abortSilent();
            ServletOps.errorBadRequest(PlainTextError.ascii("Update failed: " + QueryGuard.cut(String.valueOf(e.getMessage())) + "; nothing was changed"));
        } finally {
            action.endWrite();
        }
    }

    /** The protocol's {@code using-graph-uri} and {@code using-named-graph-uri} parameters. */
    private static UsingList usingList(HttpAction action) {
        UsingList using = new UsingList();
        String[] graphs = action.getRequest().getParameterValues(HttpNames.paramUsingGraphURI);
        if (graphs != null) {
            for (String graph : graphs) {
                using.addUsing(NodeFactory.createURI(graph));
            }
        }
        String[] named = action.getRequest().getParameterValues(HttpNames.paramUsingNamedGraphURI);
        if (named != null) {
            for (String graph : named) {
                using.addUsingNamed(NodeFactory.createURI(graph));
            }
        }
        return using;
    }
}
