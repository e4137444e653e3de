/**
 * Pushing the knowledge base into another triple store: {@link org.parley.push.GraphStorePush} sends
 * it one named graph at a time to any SPARQL 1.1 Graph Store Protocol endpoint ({@code PUT
 * ?graph=IRI}, N-Triples), each graph replacing what the store held under that name, through
 * {@link org.parley.push.GraphStoreClient} (HTTP with Basic or Digest authentication from a
 * {@link org.parley.push.StoreCredentials} file). {@code parley load --into URL} is its command.
 *
 * <p>The protocol has no transaction across requests: a push that fails midway leaves the graphs
 * sent before the failure new and the others as they were; {@link org.parley.push.PushException}
 * says which. See docs/scaling.md, "Past one machine".
 */
package org.parley.push;
