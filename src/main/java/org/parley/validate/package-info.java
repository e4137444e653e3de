/**
 * Checks over a parsed project ({@link org.parley.validate.ParsedProject}), each returning
 * {@link org.parley.validate.Problem}s: report files paired, claims in their report's file with an
 * excerpt, excerpts and quotations verbatim, terms declared and annotated, SHACL, OWL 2 DL and
 * HermiT. {@link org.parley.validate.Validator} says which run at load time and which only in
 * {@code parley validate}. Nothing here prints or reads files.
 */
package org.parley.validate;
