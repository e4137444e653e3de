package org.parley.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class HttpAuthenticationTest {

    private static final StoreCredentials MUFASA = new StoreCredentials("Mufasa", "Circle Of Life");

    /** RFC 2617 section 3.5's worked example: the response it gives for these inputs. */
    @Test
    void digestResponseIsRfc2617sWorkedExample() {
        String challenge = "Digest realm=\"testrealm@host.com\", qop=\"auth,auth-int\","
                + " nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"";
        HttpAuthentication answer = HttpAuthentication.answering(List.of(challenge), MUFASA);

        String header = answer.digest("GET", "/dir/index.html", "0a4f113b");

        assertTrue(header.contains("response=\"6629fae49393a05397450978507c4ef1\""), header);
        assertTrue(header.contains("qop=auth, nc=00000001, cnonce=\"0a4f113b\""), header);
        assertTrue(header.contains("opaque=\"5ccc069c403ebaf9f0171e9517f40e41\""), header);
        // The next request reuses the nonce with the next count.
        assertTrue(answer.digest("GET", "/dir/index.html", "0a4f113b").contains("nc=00000002"));
    }

    @Test
    void basicIsUserColonPasswordInBase64() {
        HttpAuthentication answer = HttpAuthentication.answering(List.of("Basic realm=\"Fuseki\""),
                new StoreCredentials("Aladdin", "open sesame"));
        assertEquals("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==", answer.header("PUT", "/ds/data?graph=x"));
    }

    @Test
    void digestIsPreferredWhenBothAreOffered() {
        HttpAuthentication answer = HttpAuthentication.answering(
                List.of("Basic realm=\"a\", Digest realm=\"b\", nonce=\"n\", algorithm=MD5"), MUFASA);
        assertEquals("digest", answer.scheme());
    }

    @Test
    void onlyUnknownSchemesGiveNoAnswer() {
        assertNull(HttpAuthentication.answering(List.of("Negotiate abc==", "Bearer realm=\"x\""), MUFASA));
        assertEquals(List.of("negotiate", "bearer"), HttpAuthentication.schemes(List.of("Negotiate abc==", "Bearer realm=\"x\"")));
    }

    @Test
    void challengesAreReadWithQuotedCommasAndEscapes() {
        List<HttpAuthentication.Challenge> challenges = HttpAuthentication.parse(
                "Digest realm=\"a, \\\"b\\\"\", domain=\"/sparql-graph-crud-auth\", nonce=abc, stale=\"false\"");
        assertEquals(1, challenges.size());
        assertEquals("a, \"b\"", challenges.get(0).parameter("realm"));
        assertEquals("abc", challenges.get(0).parameter("nonce"));
        assertEquals("/sparql-graph-crud-auth", challenges.get(0).parameter("domain"));
    }
}
