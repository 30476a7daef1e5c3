package org.paddlewheel.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Numbers into JSON documents: a value that is not finite (NaN for "not measured", ±∞) becomes JSON null, since
 * JSON has no NaN and a reader must see "no value" rather than a parse error or a made-up number.
 */
public final class JsonNumbers {
    private JsonNumbers() {}

    /** {@code o.key = v}, or null where v is not finite. */
    public static void putFinite(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) o.put(key, v); else o.putNull(key);
    }

    /** Appends v to the array, or null where v is not finite. */
    public static void addFinite(ArrayNode a, double v) {
        if (Double.isFinite(v)) a.add(v); else a.addNull();
    }
}
