/** Writing the whole knowledge base as one RDF document (see {@link org.parley.export.KnowledgeBaseExporter}). */
package org.parley.export;
