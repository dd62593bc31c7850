package com.zebros.worker.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.zebros.crm.http.Json;
import com.zebros.crm.local.Api;
import com.zebros.worker.importer.ImportWorker;
import com.zebros.worker.local.CrmData;
import com.zebros.worker.local.JobFixtures;
import com.zebros.worker.local.LocalAws;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The export worker end to end, and an export fed back to the import worker. */
class ExportWorkerTest {
    private final ExportWorker worker = new ExportWorker();

    private static List<String> lines(String tenant, String job) {
        String id = Json.object(job).get("jobId").getAsString();
        return List.of(
                LocalAws.gunzipped("exports/" + tenant + "/" + id + ".csv.gz").split("\r\n"));
    }

    @Test
    void exportsEveryCustomerOfTheTenantAsTheApiShowsThem() {
        String tenant = "exp-customers";
        String acme = CrmData.customer(tenant, "Acme, Inc.");
        String zed = CrmData.customer(tenant, "=HYPERLINK(\"http://evil\")");
        CrmData.customer("exp-other-tenant", "Not ours");

        String job = JobFixtures.export(tenant, "customers");
        assertEquals(0, JobFixtures.run(worker, job));

        List<String> lines = lines(tenant, job);
        assertEquals("id,name,email,phone,industry,website,ownerId,domain,version,createdAt,updatedAt", lines.get(0));
        assertEquals(3, lines.size(), lines.toString());
        String acmeLine =
                lines.stream().filter(l -> l.startsWith(acme)).findFirst().orElseThrow();
        JsonObject acmeJson =
                Api.get("/v1/customers/" + acme, Api.admin(tenant)).json();
        assertEquals(
                acme + ",\"Acme, Inc.\",info@example.com,,,,,,1,"
                        + acmeJson.get("createdAt").getAsString() + ","
                        + acmeJson.get("updatedAt").getAsString(),
                acmeLine);
        String zedLine =
                lines.stream().filter(l -> l.startsWith(zed)).findFirst().orElseThrow();
        assertTrue(
                zedLine.startsWith(zed + ",\"'=HYPERLINK(\"\"http://evil\"\")\""), "a formula is defused: " + zedLine);

        JsonObject status = JobFixtures.status(tenant, "exports", job);
        assertEquals("DONE", status.get("status").getAsString());
        assertEquals(2, status.getAsJsonObject("summary").get("rows").getAsInt());
        assertTrue(status.get("downloadUrl").getAsString().contains("exports/" + tenant + "/"));
    }

    @Test
    void anExportOfContactsHasTheImportColumnsAndImportsAgainAsAnUpsert() {
        String tenant = "exp-contacts";
        String acme = CrmData.customer(tenant, "Acme");
        Api.post(
                "/v1/customers/" + acme + "/contacts",
                Api.admin(tenant),
                "{\"firstName\":\"Grace\",\"lastName\":\"Hopper\",\"email\":\"grace@example.com\",\"title\":\"Rear Admiral\"}");
        String job = JobFixtures.export(tenant, "contacts");
        assertEquals(0, JobFixtures.run(worker, job));
        List<String> lines = lines(tenant, job);
        assertEquals("id,customerId,firstName,lastName,email,phone,title,version,createdAt,updatedAt", lines.get(0));
        assertTrue(
                lines.get(1).contains("," + acme + ",Grace,Hopper,grace@example.com,,Rear Admiral,1,"), lines.get(1));

        // The export's columns import again: as an upsert, the contact holding the e-mail is updated, not doubled.
        String csv = "customerId,firstName,lastName,email,title\n" + acme + ",Grace,Hopper,grace@example.com,Admiral\n";
        String again = JobFixtures.importing(tenant, "contacts", "upsert", csv.getBytes(StandardCharsets.UTF_8));
        assertEquals(0, JobFixtures.run(new ImportWorker(), again));
        var contacts = Api.get("/v1/customers/" + acme + "/contacts", Api.admin(tenant))
                .json()
                .getAsJsonArray("items");
        assertEquals(1, contacts.size());
        assertEquals("Admiral", contacts.get(0).getAsJsonObject().get("title").getAsString());
    }

    @Test
    void anUnknownEntityIsABadJob() {
        String tenant = "exp-bad";
        String job =
                JobFixtures.export(tenant, "customers").replace("\"entity\":\"customers\"", "\"entity\":\"invoices\"");
        assertEquals(2, JobFixtures.run(worker, job));
        assertTrue(JobFixtures.status(tenant, "exports", job)
                .get("failure")
                .getAsString()
                .contains("invoices"));
    }
}
