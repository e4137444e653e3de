package org.parley.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreCredentialsTest {

    @TempDir
    Path dir;

    @Test
    void firstLineThatIsNotACommentIsUserColonPassword() throws Exception {
        Path file = Files.writeString(dir.resolve("c"), "# for the store\n\n  dba : pass:with:colons \nignored: line\n");
        assertEquals(new StoreCredentials("dba", "pass:with:colons"), StoreCredentials.read(file));
    }

    @Test
    void theServersPasswordFileFormatReadsToo() throws Exception {
        Path file = Files.writeString(dir.resolve("c"), "admin: s3cret\n");
        assertEquals(new StoreCredentials("admin", "s3cret"), StoreCredentials.read(file));
    }

    @Test
    void badFilesAreNamedWithTheirLine() throws Exception {
        Path file = Files.writeString(dir.resolve("c"), "# comment\njust-a-password\n");
        assertEquals(file + ":2: not a credentials line; write 'user:password'",
                assertThrows(PushException.class, () -> StoreCredentials.read(file)).getMessage());
        Path empty = Files.writeString(dir.resolve("e"), "# nothing\n");
        assertEquals("--credentials " + empty + ": no credentials in it; write one line 'user:password'",
                assertThrows(PushException.class, () -> StoreCredentials.read(empty)).getMessage());
        Path missing = dir.resolve("missing");
        assertEquals("--credentials " + missing + ": no such file; write one line 'user:password'",
                assertThrows(PushException.class, () -> StoreCredentials.read(missing)).getMessage());
    }

    @Test
    void thePasswordNeverShowsInToString() {
        assertFalse(new StoreCredentials("dba", "hunter2").toString().contains("hunter2"));
    }
}
