package org.paddlewheel.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Shared Jackson mapper for CLI JSON output: pretty-printed, one object per command. */
public final class Json {
    private Json() {}

    /** The mapper (thread-safe once configured). */
    public static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public static ObjectNode object() { return MAPPER.createObjectNode(); }

    /** Prints {@code node} to stdout. */
    public static void print(Object node) {
        try {
            System.out.println(MAPPER.writeValueAsString(node));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
