package org.paddlewheel.io;

/**
 * Where a trajectory writer's text goes: {@link TempFileWriter} (a temporary file renamed into
 * place on close) or {@link LiveTextFile} (appended and on disk after every call, for runs that
 * may be killed and resumed). Package-private.
 */
interface TextSink {
    void append(CharSequence text);

    /** A write failed: a temporary file is discarded on close; a live file keeps what it has. */
    void fail();

    void close();
}
