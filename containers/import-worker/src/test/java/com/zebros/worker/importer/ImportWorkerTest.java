package com.zebros.worker.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.zebros.crm.http.Json;
import com.zebros.crm.local.Api;
import com.zebros.crm.store.Store;
import com.zebros.crm.store.Table;
import com.zebros.worker.local.CrmData;
import com.zebros.worker.local.JobFixtures;
import com.zebros.worker.local.LocalAws;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The import worker end to end: files uploaded where the API's link points, rows checked through the API. */
class ImportWorkerTest {
    private final ImportWorker worker = new ImportWorker();

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String errorsOf(String tenant, String job) {
        String id = Json.object(job).get("jobId").getAsString();
        return new String(LocalAws.get("import-errors/" + tenant + "/" + id + ".csv"), StandardCharsets.UTF_8);
    }

    private static JsonArray customersNamed(String tenant, String prefix) {
        return Api.get("/v1/customers?q=" + prefix + "&limit=100", Api.admin(tenant))
                .json()
                .getAsJsonArray("items");
    }

    @Test
    void goodRowsBecomeCustomersTheApiServesAndBadRowsGoToTheErrorReport() {
        String tenant = "imp-customers";
        String csv = "\uFEFFEmail,name,industry,phone\r\n"
                + "anna@example.com,Anna GmbH,Retail,+49 30 1234\r\n"
                + "not-an-email,Bad Mail Ltd,,\r\n"
                + ",,Retail,\r\n"
                + "bob@example.com,\"Bob, Sons & \"\"Partners\"\"\",\"Multi\nline\",\r\n"
                + "carl@example.com,Carl AG\r\n"
                + "dora@example.com,Dora Inc,Energy,\r\n";
        String job = JobFixtures.importing(tenant, "customers", utf8(csv));
        assertEquals(0, JobFixtures.run(worker, job));

        JsonObject status = JobFixtures.status(tenant, "imports", job);
        assertEquals("DONE", status.get("status").getAsString(), status.toString());
        JsonObject summary = status.getAsJsonObject("summary");
        assertEquals(6, summary.get("rows").getAsInt());
        assertEquals(3, summary.get("imported").getAsInt());
        assertEquals(3, summary.get("rejected").getAsInt());
        assertTrue(
                status.get("downloadUrl").getAsString().contains("import-errors/" + tenant + "/"),
                "the link is the error report");

        assertEquals(
                List.of(
                        "line,field,problem",
                        "3,email,must be an e-mail address",
                        "4,name,is required",
                        "7,,has 2 fields; the header has 4 (a value holding a comma must be in double quotes)"),
                List.of(errorsOf(tenant, job).split("\r\n")));

        JsonArray bob = customersNamed(tenant, "bob");
        assertEquals(1, bob.size());
        JsonObject customer = bob.get(0).getAsJsonObject();
        assertEquals("Bob, Sons & \"Partners\"", customer.get("name").getAsString());
        assertEquals("Multi\nline", customer.get("industry").getAsString());
        assertEquals(1, customer.get("version").getAsInt());
        assertTrue(customer.get("id").getAsString().matches("cus_[0-9a-f]{32}"), customer.toString());
        Api.Reply read = Api.get("/v1/customers/" + customer.get("id").getAsString(), Api.admin(tenant));
        assertEquals(200, read.status());
        assertEquals("\"1\"", read.header("ETag"), "an imported customer is an ordinary item the API can update");
        assertEquals(1, customersNamed(tenant, "anna").size());
        assertEquals(1, customersNamed(tenant, "dora").size());
    }

    @Test
    void contactsMustNameAnExistingCustomerOfTheTenant() {
        String tenant = "imp-contacts";
        String acme = CrmData.customer(tenant, "Acme");
        String foreign = CrmData.customer("imp-contacts-other", "Foreign");
        String csv = "customerId,firstName,lastName,email\n"
                + acme + ",Ada,Lovelace,ada@example.com\n"
                + foreign + ",Eve,Intruder,eve@example.com\n"
                + "cus_doesnotexist,No,Body,\n";
        String job = JobFixtures.importing(tenant, "contacts", utf8(csv));
        assertEquals(0, JobFixtures.run(worker, job));

        assertEquals(
                List.of(
                        "line,field,problem",
                        "3,customerId,no customer " + foreign,
                        "4,customerId,no customer cus_doesnotexist"),
                List.of(errorsOf(tenant, job).split("\r\n")));
        JsonArray contacts = Api.get("/v1/customers/" + acme + "/contacts", Api.admin(tenant))
                .json()
                .getAsJsonArray("items");
        assertEquals(1, contacts.size());
        assertEquals(
                "Lovelace", contacts.get(0).getAsJsonObject().get("lastName").getAsString());
    }

    /**
     * The import writes through the batch route's path: an upsert import updates the contact holding each e-mail
     * (a later row of the file included), every row writes its history entry as the user who asked for the import,
     * and a create import is refused an e-mail another contact holds.
     */
    @Test
    void anUpsertImportUpdatesTheHolderOfEachEmailAndEveryRowHasItsHistory() {
        String tenant = "imp-upsert";
        String acme = CrmData.customer(tenant, "Acme");
        Api.Reply ada = Api.post(
                "/v1/customers/" + acme + "/contacts",
                Api.admin(tenant),
                "{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"email\":\"ada@example.com\",\"title\":\"Engineer\"}");
        assertEquals(201, ada.status(), ada.body());
        String csv = "customerId,firstName,lastName,email,title\n"
                + acme + ",Ada,Lovelace,ADA@example.com,CTO\n"
                + acme + ",Grace,Hopper,grace@example.com,\n"
                + acme + ",Grace,H.,grace@example.com,Admiral\n"
                + acme + ",No,Email,,\n";
        String job = JobFixtures.importing(tenant, "contacts", "upsert", utf8(csv));
        assertEquals(0, JobFixtures.run(worker, job));
        JsonObject summary = JobFixtures.status(tenant, "imports", job).getAsJsonObject("summary");
        assertEquals("upsert", summary.get("mode").getAsString());
        assertEquals(3, summary.get("imported").getAsInt(), summary.toString());
        assertEquals(
                List.of("line,field,problem", "5,email,an upsert finds its contact by email: it is required"),
                List.of(errorsOf(tenant, job).split("\r\n")));

        JsonArray contacts = Api.get("/v1/customers/" + acme + "/contacts", Api.admin(tenant))
                .json()
                .getAsJsonArray("items");
        assertEquals(2, contacts.size(), "Ada updated, Grace created then updated: " + contacts);
        String adaId = ada.json().get("id").getAsString();
        JsonObject adaNow = Api.get("/v1/contacts/" + adaId, Api.admin(tenant)).json();
        assertEquals("CTO", adaNow.get("title").getAsString());
        assertEquals(2, adaNow.get("version").getAsInt());
        JsonObject entry = Api.get("/v1/contacts/" + adaId + "/history", Api.admin(tenant))
                .json()
                .getAsJsonArray("items")
                .get(0)
                .getAsJsonObject();
        assertEquals("updated", entry.get("action").getAsString());
        assertEquals("user-of-" + tenant, entry.get("actor").getAsString(), "the user who asked for the import");
        assertEquals(
                "CTO",
                entry.getAsJsonObject("changes")
                        .getAsJsonObject("title")
                        .get("new")
                        .getAsString());

        String again = JobFixtures.importing(
                tenant,
                "contacts",
                utf8("customerId,firstName,lastName,email\n" + acme + ",Other,Grace,Grace@Example.com\n"));
        assertEquals(0, JobFixtures.run(worker, again));
        String report = errorsOf(tenant, again);
        assertTrue(report.startsWith("line,field,problem\r\n2,email,is another contact's; it must be unique"), report);
    }

    @Test
    void wrongColumnsStopTheImportBeforeAnyRowIsWritten() {
        String tenant = "imp-columns";
        String misnamed = JobFixtures.importing(tenant, "customers", utf8("name,emial\nZed Corp,zed@example.com\n"));
        assertEquals(2, JobFixtures.run(worker, misnamed));
        JsonObject status = JobFixtures.status(tenant, "imports", misnamed);
        assertEquals("FAILED", status.get("status").getAsString());
        String failure = status.get("failure").getAsString();
        assertTrue(failure.contains("[emial]") && failure.contains("required: [name]"), failure);
        assertEquals(0, customersNamed(tenant, "zed").size());

        String noName = JobFixtures.importing(tenant, "customers", utf8("email,phone\nzed@example.com,1\n"));
        assertEquals(2, JobFixtures.run(worker, noName));
        assertTrue(JobFixtures.status(tenant, "imports", noName)
                .get("failure")
                .getAsString()
                .contains("no column name"));

        String twice = JobFixtures.importing(tenant, "customers", utf8("name,Name\nZed,Zed\n"));
        assertEquals(2, JobFixtures.run(worker, twice));
        assertTrue(JobFixtures.status(tenant, "imports", twice)
                .get("failure")
                .getAsString()
                .contains("appears twice"));

        String empty = JobFixtures.importing(tenant, "customers", new byte[0]);
        assertEquals(2, JobFixtures.run(worker, empty));
        assertTrue(JobFixtures.status(tenant, "imports", empty)
                .get("failure")
                .getAsString()
                .contains("is empty"));
    }

    @Test
    void bytesThatAreNotUtf8AreReportedByRowAndAUtf16FileIsRefused() {
        String tenant = "imp-encoding";
        byte[] latin1 = "name,industry\nM\u00fcller KG,Retail\nPlain Ltd,R\u00e9tail\nGood Co,Retail\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        String job = JobFixtures.importing(tenant, "customers", latin1);
        assertEquals(0, JobFixtures.run(worker, job));
        assertEquals(
                List.of(
                        "line,field,problem",
                        "2,name,is not UTF-8 text; save the file as CSV UTF-8",
                        "3,industry,is not UTF-8 text; save the file as CSV UTF-8"),
                List.of(errorsOf(tenant, job).split("\r\n")));
        assertEquals(1, customersNamed(tenant, "good").size());

        byte[] utf16 = "name\nWide Corp\n".getBytes(StandardCharsets.UTF_16);
        String wide = JobFixtures.importing(tenant, "customers", utf16);
        assertEquals(2, JobFixtures.run(worker, wide));
        assertTrue(JobFixtures.status(tenant, "imports", wide)
                .get("failure")
                .getAsString()
                .contains("not UTF-8"));
    }

    @Test
    void aHugeFieldRejectsItsRowWithoutStoppingTheImport() {
        String tenant = "imp-huge";
        String huge = "x".repeat(5_000_000);
        String csv = "name,industry\n"
                + "\"" + huge + "\",Retail\n"
                + "Long Name Co," + "y".repeat(150) + "\n"
                + "After Huge Ltd,Retail\n";
        String job = JobFixtures.importing(tenant, "customers", utf8(csv));
        assertEquals(0, JobFixtures.run(worker, job));
        assertEquals(
                List.of(
                        "line,field,problem",
                        "2,,field 1 is longer than 20000 characters",
                        "3,industry,must be at most 100 characters"),
                List.of(errorsOf(tenant, job).split("\r\n")));
        assertEquals(1, customersNamed(tenant, "after").size());
    }

    @Test
    void aJobCannotReadAnotherTenantsUploadOrAFileNeverUploaded() {
        String tenant = "imp-isolation";
        String job = JobFixtures.importing(tenant, "customers", utf8("name\nMine\n"));
        String stolen = job.replace("imports/" + tenant + "/", "imports/someone-else/");
        assertEquals(2, JobFixtures.run(worker, stolen));
        assertTrue(JobFixtures.status(tenant, "imports", job)
                .get("failure")
                .getAsString()
                .contains("is not under imports/" + tenant + "/"));

        Api.Reply created = Api.post("/v1/imports", Api.admin(tenant), "{\"entity\":\"customers\"}");
        String id = created.json().get("id").getAsString();
        Api.Reply started = Api.post("/v1/imports/" + id, Api.admin(tenant), null);
        String notUploaded = "{\"tenantId\":\"" + tenant + "\",\"jobId\":\"" + id
                + "\",\"kind\":\"import\",\"parameters\":" + started.json().get("parameters") + "}";
        assertEquals(2, JobFixtures.run(worker, notUploaded));
        assertTrue(JobFixtures.status(tenant, "imports", notUploaded)
                .get("failure")
                .getAsString()
                .contains("there is no file"));
    }

    @Test
    void runningAnImportAgainWritesNothingTwice() {
        String tenant = "imp-again";
        StringBuilder csv = new StringBuilder("name,email\n");
        for (int i = 0; i < 250; i++) {
            csv.append("Again ").append(i).append(",a").append(i).append("@example.com\n");
        }
        String job = JobFixtures.importing(tenant, "customers", utf8(csv.toString()));
        assertEquals(0, JobFixtures.run(worker, job));
        assertEquals(250, countCustomers(tenant));

        // A lost acknowledgement: the state machine runs the same job again from the start.
        String id = Json.object(job).get("jobId").getAsString();
        LocalAws.dynamo()
                .client()
                .updateItem(r -> r.tableName(LocalAws.dynamo().names().get(Table.JOBS))
                        .key(Store.key(Table.JOBS, tenant, id))
                        .updateExpression("SET #s = :q REMOVE checkpoint")
                        .expressionAttributeNames(Map.of("#s", "status"))
                        .expressionAttributeValues(Map.of(":q", AttributeValue.fromS("QUEUED"))));
        assertEquals(0, JobFixtures.run(worker, job));
        assertEquals(250, countCustomers(tenant));
        JsonObject summary = JobFixtures.status(tenant, "imports", job).getAsJsonObject("summary");
        assertEquals(250, summary.get("writtenBefore").getAsInt(), summary.toString());
        assertFalse(JobFixtures.status(tenant, "imports", job).has("failure"));
    }

    /** The tenant's customers, counted page by page (a COUNT query stops at 1 MB like any other). */
    static int countCustomers(String tenant) {
        int[] count = {0};
        LocalAws.store()
                .forEach(Table.CUSTOMERS, null, Table.TENANT, tenant, List.of("customerId"), item -> count[0]++);
        return count[0];
    }
}
