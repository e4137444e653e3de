/**
 * Running a SPARQL query file against a knowledge base without a server: finding and parsing the
 * file, binding {@code --param} values by Jena's parameter substitution, writing standard formats.
 */
package org.parley.query;
