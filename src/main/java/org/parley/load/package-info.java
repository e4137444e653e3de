/**
 * Loading the project's files into a knowledge base: {@link org.parley.load.KnowledgeBaseLoader}
 * (in memory or into TDB2), {@link org.parley.load.LoadedKnowledgeBase} (what callers get), and
 * {@link org.parley.load.ProjectValidator} (every check, for {@code parley validate}).
 *
 * <p>This package reads files and uses the checks of {@code org.parley.validate}; the checks never
 * read files themselves, so the dependency goes one way only.
 */
package org.parley.load;
