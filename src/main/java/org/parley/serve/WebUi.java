package org.parley.serve;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.mod.admin.ActionServerStatus;
import org.apache.jena.fuseki.validation.IRIValidator;
import org.apache.jena.fuseki.validation.LangTagValidator;
import org.apache.jena.fuseki.validation.QueryValidator;
import org.apache.jena.fuseki.validation.UpdateValidator;

/**
 * The Fuseki web UI at {@code /}: its files (from the jena-fuseki-ui jar) and the only server
 * endpoints it reads, with its start page leaving out what this server refuses ({@link UiPage}):
 * {@code /$/server} (datasets and endpoints, JSON) and
 * {@code /$/validate/{query,update,iri,langtag}}. Fuseki's admin module is not installed, so
 * {@code /$/datasets}, {@code /$/backup}, {@code /$/compact}, {@code /$/tasks} do not exist.
 */
final class WebUi {

    private WebUi() {
    }

    /** @param readOnly whether the start page leaves out adding and editing data ({@link UiPage}) */
    static void install(FusekiServer.Builder builder, boolean readOnly) {
        builder.addFilter("/*", new UiPage(readOnly))
               .staticFileBase(filesBase())
               .addServlet("/$/server", new ActionServerStatus())
               .addServlet("/$/validate/query", new QueryValidator())
               .addServlet("/$/validate/update", new UpdateValidator())
               .addServlet("/$/validate/iri", new IRIValidator())
               .addServlet("/$/validate/langtag", new LangTagValidator());
        // Not /$/validate/data: parsing JSON-LD fetches remote @context URLs.
    }

    /** The jar URL of the web UI's files ({@code webapp/} in jena-fuseki-ui, or the shaded jar). */
    static String filesBase() {
        URL index = WebUi.class.getClassLoader().getResource("webapp/index.html");
        if (index == null) {
            throw new ServeException("the web UI files (webapp/index.html from jena-fuseki-ui) are not on the"
                    + " classpath; rebuild with the jena-fuseki-ui dependency");
        }
        String url = index.toExternalForm();
        String dir = url.substring(0, url.length() - "index.html".length());
        if (dir.startsWith("file:")) {
            // Unpacked on the classpath (an IDE): Fuseki wants a directory name, not a URL.
            try {
                return Path.of(new URI(dir)).toString();
            } catch (URISyntaxException e) {
                throw new ServeException("the web UI files are at an unusable location: " + dir, e);
            }
        }
        return dir;
    }
}
