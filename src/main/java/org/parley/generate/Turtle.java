package org.parley.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * Just enough Turtle writing for generated data: one resource with its properties in the order
 * they were added (so that the same seed writes the same bytes), and literal escaping.
 */
final class Turtle {

    private Turtle() {
    }

    /** A plain string literal, escaped for Turtle's short form. */
    static String string(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** An English label. */
    static String english(String value) {
        return string(value) + "@en";
    }

    /** A resource and its properties, written as one Turtle block. */
    static final class Description {
        private final String subject;
        private final List<String> types = new ArrayList<>();
        private final List<String[]> properties = new ArrayList<>();

        Description(String subject, String... types) {
            this.subject = subject;
            this.types.addAll(List.of(types));
        }

        Description add(String predicate, String object) {
            properties.add(new String[] {predicate, object});
            return this;
        }

        Description add(String predicate, int number) {
            return add(predicate, Integer.toString(number));
        }

        String subject() {
            return subject;
        }

        /** Replaces every value of the predicate with one value, where the first one stood. */
        Description replace(String predicate, String object) {
            int at = -1;
            for (int i = properties.size() - 1; i >= 0; i--) {
                if (properties.get(i)[0].equals(predicate)) {
                    properties.remove(i);
                    at = i;
                }
            }
            properties.add(at < 0 ? properties.size() : at, new String[] {predicate, object});
            return this;
        }

        /** The first value of the predicate, or null. */
        String value(String predicate) {
            return properties.stream().filter(p -> p[0].equals(predicate)).map(p -> p[1]).findFirst().orElse(null);
        }

        boolean has(String predicate) {
            return properties.stream().anyMatch(p -> p[0].equals(predicate));
        }

        void writeTo(StringBuilder out) {
            out.append(subject);
            String separator = " ";
            if (!types.isEmpty()) {
                out.append(" a ").append(String.join(" , ", types));
                separator = " ;\n    ";
            }
            for (String[] property : properties) {
                out.append(separator).append(property[0]).append(' ').append(property[1]);
                separator = " ;\n    ";
            }
            out.append(" .\n\n");
        }
    }
}
