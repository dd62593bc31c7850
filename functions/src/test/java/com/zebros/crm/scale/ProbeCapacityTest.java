package com.zebros.crm.scale;

import com.zebros.crm.Service;
import com.zebros.crm.auth.Principal;
import com.zebros.crm.http.Request;
import com.zebros.crm.local.Api;
import com.zebros.crm.obs.ConsumedCapacity;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProbeCapacityTest {
    @Test
    void probe() {
        Service service = Service.fromEnvironment(Api.server().dynamo().environment());
        var p = new Principal("probe-cap", "u", Set.of(Principal.ADMIN));
        for (String[] r : new String[][] {{"POST", "/v1/customers", "{\"name\":\"A\"}"}, {"GET", "/v1/customers", null}, {"GET", "/v1/pipeline", null}, {"GET", "/v1/health", null}}) {
            var resp = service.handle(new Request(r[0], r[1], Map.of(), Map.of(), Map.of(), r[2], p, "x"));
            System.err.println("PROBE " + r[0] + " " + r[1] + " " + resp.status() + " reads=" + ConsumedCapacity.reads() + " writes=" + ConsumedCapacity.writes());
        }
    }
}
