/**
 * Curating a new report: {@link org.parley.curate.Suggester} proposes candidate claim rows from a
 * report's text (sentences, attribution, parties by label, stance, negation, hedges), and
 * {@link org.parley.curate.ReportAdder} adds a report to a project with its pre-filled claim sheet.
 */
package org.parley.curate;
