/** Constants for the Parley ontology's terms, borrowed Web Annotation terms, and graph and report IRIs. */
package org.parley.vocab;
