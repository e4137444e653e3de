package org.parley.curate;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;

/**
 * Who a sentence's words belong to, by the actors the knowledge base knows: the outlet that reports
 * them, the person (or body) who voiced them, and the party or parties whose position they are.
 * Reads a report's sentences in order, since "the group" means the armed group named last.
 */
final class AttributionFinder {

    /** The attribution of one sentence; speaker and outlet may be null, parties empty. */
    record Attribution(List<Node> parties, Node speaker, String outlet) {
    }

    private static final Pattern ANAPHOR = Pattern.compile("\\b[Tt]he (?:[\\w-]+ ){0,2}group\\b");
    private static final Pattern DEMONYM_PEOPLE = Pattern.compile("\\b(Israeli|Egyptian|Qatari|American)\\s+(?:[\\w-]+\\s+)?"
            + "(officials?|leaders|sources|negotiators|diplomats|mediators)\\b");

    private final ActorIndex actors;
    /** The armed group named last, for "the group" in later sentences. */
    private Node lastGroup;

    /** A finder for one report, read from its first sentence. */
    AttributionFinder(ActorIndex actors) {
        this.actors = actors;
    }

    /** The sentence's attribution; every sentence of the report must pass here, in order. */
    Attribution find(String sentence) {
        List<ActorIndex.Mention> mentions = actors.mentions(sentence);
        Node speaker = null;
        String outlet = null;
        Node body = null;
        for (ActorIndex.Mention mention : mentions) {
            boolean possessive = sentence.startsWith("'s", mention.end()) || sentence.startsWith("\u2019s", mention.end());
            if (actors.is(mention.actor(), ActorIndex.Role.OUTLET)) {
                outlet = outlet == null ? actors.cellName(mention.actor()) : outlet;
            } else if (possessive || SentenceCues.insideQuote(sentence, mention.start())) {
                continue; // "Haniyeh's media adviser" speaks, not Haniyeh
            } else if (speaker == null && actors.is(mention.actor(), ActorIndex.Role.PERSON)) {
                speaker = mention.actor();
            } else if (body == null && actors.is(mention.actor(), ActorIndex.Role.BODY)) {
                body = mention.actor();
            }
        }
        // A person named speaks rather than the body they belong to ("White House spokesperson John Kirby").
        speaker = speaker != null ? speaker : body;
        List<Node> parties = new ArrayList<>();
        if (speaker != null && actors.partyOf(speaker) != null) {
            parties.add(actors.partyOf(speaker));
        } else {
            parties.addAll(subjectParties(sentence, mentions));
        }
        if (parties.isEmpty() && ANAPHOR.matcher(sentence).find() && lastGroup != null) {
            // "The group", "the militant group": the armed group the report spoke of last.
            parties.add(lastGroup);
        }
        for (ActorIndex.Mention mention : mentions) {
            Node party = actors.partyOf(mention.actor());
            if (party != null && actors.is(party, ActorIndex.Role.PARTY) && actors.isArmedGroup(party)) {
                lastGroup = party;
            }
        }
        return new Attribution(parties, speaker, outlet);
    }

    /** The parties named before the verb: the sentence's subject ("Israel and Hamas broadly agree"). */
    private List<Node> subjectParties(String sentence, List<ActorIndex.Mention> mentions) {
        int verb = SentenceCues.verbPosition(sentence);
        List<Node> parties = new ArrayList<>();
        for (ActorIndex.Mention mention : mentions) {
            Node party = actors.partyOf(mention.actor());
            if (party == null || actors.is(mention.actor(), ActorIndex.Role.OUTLET)
                    || SentenceCues.insideQuote(sentence, mention.start())) {
                continue;
            }
            if (mention.start() < verb && !parties.contains(party)) {
                parties.add(party);
            }
        }
        Matcher demonym = DEMONYM_PEOPLE.matcher(sentence);
        if (parties.isEmpty() && demonym.find() && demonym.start() < verb && !SentenceCues.insideQuote(sentence, demonym.start())) {
            // "Israeli officials have said": the officials' state, named by its adjective.
            Node party = actors.resolve(SentenceCues.sideOf(demonym.group(1)));
            if (party != null) {
                parties.add(party);
            }
        }
        Matcher anaphor = ANAPHOR.matcher(sentence);
        if (parties.isEmpty() && lastGroup != null && anaphor.find() && anaphor.start() < verb) {
            parties.add(lastGroup);
        }
        if (parties.isEmpty()) {
            for (ActorIndex.Mention mention : mentions) {
                Node party = actors.partyOf(mention.actor());
                if (party != null && !SentenceCues.insideQuote(sentence, mention.start())) {
                    parties.add(party);
                    break;
                }
            }
        }
        // "A and B agree": both; otherwise the first named, the sentence's subject.
        if (parties.size() > 1) {
            String between = sentence.substring(0, verb);
            if (!between.matches("(?s).*\\b(and|both)\\b.*")) {
                return parties.subList(0, 1);
            }
            return parties.subList(0, 2);
        }
        return parties;
    }
}
