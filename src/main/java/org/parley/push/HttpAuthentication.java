package org.parley.push;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code Authorization} header for a store's {@code WWW-Authenticate} challenge: HTTP Basic
 * (RFC 7617; Fuseki, most stores) or Digest (RFC 7616 with MD5 or SHA-256, {@code qop=auth} or
 * none; Virtuoso's {@code /sparql-graph-crud-auth} offers only Digest). The JDK's HTTP client does
 * Basic only, through an {@code Authenticator} that also answers other hosts' challenges; here the
 * header is made for one endpoint and one user, and nothing is remembered beyond the client.
 *
 * <p>One instance answers one challenge and the requests after it: Digest counts its requests
 * ({@code nc}) so that the store's nonce is reused without a new challenge per graph.
 */
final class HttpAuthentication {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final StoreCredentials credentials;
    private final Challenge challenge;
    private int count;

    private HttpAuthentication(StoreCredentials credentials, Challenge challenge) {
        this.credentials = credentials;
        this.challenge = challenge;
    }

    /** One challenge: the scheme (lower case) and its parameters (names lower case). */
    record Challenge(String scheme, Map<String, String> parameters) {
        String parameter(String name) {
            return parameters.get(name);
        }
    }

    /**
     * The answer to the best challenge among the {@code WWW-Authenticate} header values (Digest
     * before Basic), or null when none is Basic or Digest.
     */
    static HttpAuthentication answering(List<String> wwwAuthenticate, StoreCredentials credentials) {
        List<Challenge> challenges = new ArrayList<>();
        wwwAuthenticate.forEach(header -> challenges.addAll(parse(header)));
        for (String scheme : List.of("digest", "basic")) {
            for (Challenge challenge : challenges) {
                if (challenge.scheme().equals(scheme) && (scheme.equals("basic") || digestAlgorithm(challenge) != null)) {
                    return new HttpAuthentication(credentials, challenge);
                }
            }
        }
        return null;
    }

    /** The schemes a store offered, for the error when none is one Parley answers. */
    static List<String> schemes(List<String> wwwAuthenticate) {
        List<String> schemes = new ArrayList<>();
        wwwAuthenticate.forEach(header -> parse(header).forEach(c -> schemes.add(c.scheme())));
        return schemes;
    }

    String scheme() {
        return challenge.scheme();
    }

    /** The header value for a request; {@code requestTarget} is the path and query as sent. */
    synchronized String header(String method, String requestTarget) {
        if (challenge.scheme().equals("basic")) {
            String pair = credentials.user() + ":" + credentials.password();
            return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        }
        return digest(method, requestTarget, HexFormat.of().formatHex(randomBytes()));
    }

    /** The Digest header with a given client nonce (tests check it against RFC 2617's worked example). */
    synchronized String digest(String method, String requestTarget, String cnonce) {
        String algorithm = digestAlgorithm(challenge);
        String realm = challenge.parameters().getOrDefault("realm", "");
        String nonce = challenge.parameters().getOrDefault("nonce", "");
        String qop = qopAuth(challenge.parameter("qop"));
        String nc = String.format(Locale.ROOT, "%08x", ++count);
        String ha1 = hash(algorithm, credentials.user() + ":" + realm + ":" + credentials.password());
        if (algorithm.endsWith("-sess")) {
            ha1 = hash(algorithm, ha1 + ":" + nonce + ":" + cnonce);
        }
        String ha2 = hash(algorithm, method + ":" + requestTarget);
        String response = qop == null
                ? hash(algorithm, ha1 + ":" + nonce + ":" + ha2)
                : hash(algorithm, ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2);
        StringBuilder header = new StringBuilder("Digest ");
        header.append("username=").append(quoted(credentials.user()));
        header.append(", realm=").append(quoted(realm));
        header.append(", nonce=").append(quoted(nonce));
        header.append(", uri=").append(quoted(requestTarget));
        header.append(", algorithm=").append(challenge.parameters().getOrDefault("algorithm", "MD5"));
        header.append(", response=").append(quoted(response));
        if (challenge.parameter("opaque") != null) {
            header.append(", opaque=").append(quoted(challenge.parameter("opaque")));
        }
        if (qop != null) {
            header.append(", qop=").append(qop).append(", nc=").append(nc).append(", cnonce=").append(quoted(cnonce));
        }
        return header.toString();
    }

    /** MD5, MD5-sess, SHA-256, SHA-256-sess (lower case), or null for an algorithm Parley does not know. */
    private static String digestAlgorithm(Challenge challenge) {
        String algorithm = challenge.parameters().getOrDefault("algorithm", "MD5").toLowerCase(Locale.ROOT);
        return List.of("md5", "md5-sess", "sha-256", "sha-256-sess").contains(algorithm) ? algorithm : null;
    }

    /** "auth" when the store offers it (Parley never asks for auth-int: it would hash every body twice). */
    private static String qopAuth(String qop) {
        if (qop == null) {
            return null;
        }
        for (String option : qop.split(",")) {
            if (option.strip().equalsIgnoreCase("auth")) {
                return "auth";
            }
        }
        return null;
    }

    private static String hash(String algorithm, String text) {
        String name = algorithm.startsWith("sha-256") ? "SHA-256" : "MD5";
        try {
            byte[] digest = MessageDigest.getInstance(name).digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException absent) {
            throw new IllegalStateException(name + " is missing from this Java runtime", absent);
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    // -- Reading WWW-Authenticate ------------------------------------------------------------------

    /**
     * The challenges of one header value (RFC 7235 section 4.1): {@code scheme name=value,
     * name="quoted value", ...}; several challenges may share one value, separated by commas like
     * their parameters: a token not followed by '=' starts the next one. (A token68 value, as in
     * {@code Negotiate abc==}, is read as odd parameters of its scheme, which Parley does not answer anyway.)
     */
    static List<Challenge> parse(String header) {
        List<Challenge> challenges = new ArrayList<>();
        String text = header == null ? "" : header;
        Map<String, String> parameters = null;
        int at = 0;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == ' ' || c == '\t' || c == ',' || c == '=' || c == '"') {
                at++; // separators, and whatever a malformed value leaves behind
                continue;
            }
            int start = at;
            while (at < text.length() && TOKEN_END.indexOf(text.charAt(at)) < 0) {
                at++;
            }
            String token = text.substring(start, at);
            int afterSpaces = skipSpaces(text, at);
            if (parameters != null && afterSpaces < text.length() && text.charAt(afterSpaces) == '=') {
                at = skipSpaces(text, afterSpaces + 1);
                StringBuilder value = new StringBuilder();
                if (at < text.length() && text.charAt(at) == '"') {
                    at++;
                    while (at < text.length() && text.charAt(at) != '"') {
                        if (text.charAt(at) == '\\' && at + 1 < text.length()) {
                            at++;
                        }
                        value.append(text.charAt(at++));
                    }
                    at++; // the closing quote
                } else {
                    while (at < text.length() && TOKEN_END.indexOf(text.charAt(at)) < 0) {
                        value.append(text.charAt(at++));
                    }
                }
                parameters.put(token.toLowerCase(Locale.ROOT), value.toString());
            } else {
                parameters = new LinkedHashMap<>();
                challenges.add(new Challenge(token.toLowerCase(Locale.ROOT), parameters));
            }
        }
        return challenges;
    }

    private static final String TOKEN_END = "\t ,=\"";

    private static int skipSpaces(String text, int at) {
        while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
            at++;
        }
        return at;
    }
}
