package org.paddlewheel.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Opens text files that may be compressed (gzip, xz, bzip2: {@link CompressedInput}, by the magic bytes, not the name). */
final class Compressed {
    private Compressed() {}

    static BufferedReader reader(Path file) throws IOException {
        InputStream in = CompressedInput.open(file);     // gzip, xz, bzip2 or plain, by the magic bytes
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    }
}
