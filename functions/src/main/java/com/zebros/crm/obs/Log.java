package com.zebros.crm.obs;

import com.zebros.crm.http.Json;
import java.io.PrintStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Structured logs: one JSON object a line, always with the request id, the tenant and the X-Ray trace
 * id when Lambda gives one, so a request can be followed across logs, metrics and traces.
 */
public final class Log {
    private final PrintStream out;
    private final Clock clock;

    public Log(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    public void info(String message, String requestId, String tenant, Map<String, Object> fields) {
        write("INFO", message, requestId, tenant, fields);
    }

    public void warn(String message, String requestId, String tenant, Map<String, Object> fields) {
        write("WARN", message, requestId, tenant, fields);
    }

    public void error(String message, String requestId, String tenant, Map<String, Object> fields) {
        write("ERROR", message, requestId, tenant, fields);
    }

    private void write(String level, String message, String requestId, String tenant, Map<String, Object> fields) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("timestamp", clock.instant().toString());
        line.put("level", level);
        line.put("message", message);
        line.put("requestId", requestId);
        line.put("tenant", tenant);
        String trace = System.getenv("_X_AMZN_TRACE_ID");
        if (trace != null) {
            line.put("traceId", trace);
        }
        line.putAll(fields);
        out.println(Json.write(line));
    }
}
