package org.parley.serve;

import org.parley.load.LoadedKnowledgeBase;

/** What the server tests share around a server started once for a class over a loaded knowledge base. */
public final class TestServers {

    private TestServers() {}

    /** Stops the server, then closes the knowledge base it served; either may be null (a set-up that failed early). */
    public static void stop(ParleyServer server, LoadedKnowledgeBase kb) {
        if (server != null) {
            server.stop();
        }
        if (kb != null) {
            kb.close();
        }
    }
}
