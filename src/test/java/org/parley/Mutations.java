package org.parley;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Seeded mutations of a text, for fuzzing: characters replaced, runs deleted or duplicated, the
 * text cut short, tokens of the language inserted, bytes overwritten (which may leave invalid
 * UTF-8). The same seed gives the same mutations.
 */
public final class Mutations {

    private Mutations() {
    }

    /** One to three mutations of {@code text}, as bytes (a byte mutation may break the UTF-8). */
    public static byte[] mutate(String text, Random random, List<String> tokens) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            bytes = mutateOnce(bytes, random, tokens);
        }
        return bytes;
    }

    private static byte[] mutateOnce(byte[] bytes, Random random, List<String> tokens) {
        int length = bytes.length;
        int at = length == 0 ? 0 : random.nextInt(length);
        switch (random.nextInt(7)) {
            case 0: {   // one byte overwritten with any value
                if (length == 0) {
                    return bytes;
                }
                byte[] out = bytes.clone();
                out[at] = (byte) random.nextInt(256);
                return out;
            }
            case 1: {   // one character replaced with a random one (ASCII, or any BMP character)
                String text = new String(bytes, StandardCharsets.UTF_8);
                if (text.isEmpty()) {
                    return bytes;
                }
                int i = random.nextInt(text.length());
                char c = random.nextBoolean() ? (char) (32 + random.nextInt(95)) : (char) random.nextInt(0xFFFF);
                return (text.substring(0, i) + c + text.substring(i + 1)).getBytes(StandardCharsets.UTF_8);
            }
            case 2: {   // a run deleted
                int run = Math.min(length - at, 1 + random.nextInt(40));
                return concat(slice(bytes, 0, at), slice(bytes, at + run, length));
            }
            case 3: {   // a run duplicated in place
                int run = Math.min(length - at, 1 + random.nextInt(200));
                return concat(slice(bytes, 0, at + run), slice(bytes, at, length));
            }
            case 4:     // cut short
                return slice(bytes, 0, at);
            case 5: {   // a token of the language inserted
                byte[] token = tokens.get(random.nextInt(tokens.size())).getBytes(StandardCharsets.UTF_8);
                return concat(concat(slice(bytes, 0, at), token), slice(bytes, at, length));
            }
            default: {  // the text rotated: its end first, then its middle, then its start
                if (length < 4) {
                    return bytes;
                }
                int a = random.nextInt(length / 2);
                int b = length / 2 + random.nextInt(length - length / 2);
                return concat(concat(slice(bytes, b, length), slice(bytes, a, b)), slice(bytes, 0, a));
            }
        }
    }

    public static byte[] randomBytes(Random random, int maxLength) {
        byte[] bytes = new byte[random.nextInt(maxLength + 1)];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] slice(byte[] bytes, int from, int to) {
        return java.util.Arrays.copyOfRange(bytes, from, Math.max(from, to));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
