package org.parley.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Option defaults and checks, and the password file reader. */
class ServeOptionsTest {

    @TempDir
    Path dir;

    @Test
    void defaultsAreSafe() {
        ServeOptions o = ServeOptions.defaults();
        assertEquals("127.0.0.1", o.host());
        assertEquals(3030, o.port());
        assertEquals(Duration.ofSeconds(10), o.timeout());
        assertFalse(o.allowUpdate());
        assertEquals(List.of(), o.allowedServices());
    }

    @Test
    void badValuesAreRefusedWithTheOptionName() {
        assertTrue(assertThrows(ServeException.class, () -> ServeOptions.builder().port(-1).build())
                .getMessage().startsWith("--port -1"));
        assertTrue(assertThrows(ServeException.class, () -> ServeOptions.builder().timeout(Duration.ZERO).build())
                .getMessage().startsWith("--timeout 0"));
        assertTrue(assertThrows(ServeException.class, () -> ServeOptions.builder().host(" ").build())
                .getMessage().startsWith("--host"));
    }

    @Test
    void passwordFileUsersInOrder() throws IOException {
        Path f = dir.resolve("pw");
        Files.writeString(f, "# comment\n\nadmin: s3cret\neditor: MD5:164c88b302622e17050af52c89945d44, writer\n");
        assertEquals(List.of("admin", "editor"), List.copyOf(PasswordFile.users(f)));
    }

    @Test
    void passwordFileProblemsNameTheFileAndLine() throws IOException {
        Path noColon = dir.resolve("a");
        Files.writeString(noColon, "admin: ok\nbroken line\n");
        assertEquals(noColon + ":2: not a password line; write 'user: password' (Jetty password file format)",
                assertThrows(ServeException.class, () -> PasswordFile.users(noColon)).getMessage());

        Path noPassword = dir.resolve("b");
        Files.writeString(noPassword, "admin:\n");
        assertTrue(assertThrows(ServeException.class, () -> PasswordFile.users(noPassword)).getMessage()
                .startsWith(noPassword + ":1:"));

        Path empty = dir.resolve("c");
        Files.writeString(empty, "# nobody\n");
        assertTrue(assertThrows(ServeException.class, () -> PasswordFile.users(empty)).getMessage()
                .contains("no users"));

        assertTrue(assertThrows(ServeException.class, () -> PasswordFile.users(dir.resolve("missing"))).getMessage()
                .contains("no such file"));
        assertEquals(Set.of("admin"), PasswordFile.users(writeFile("d", "admin: x")));
    }

    private Path writeFile(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }
}
