package com.zebros.platform.compute;

import com.pulumi.core.Output;
import com.zebros.platform.config.CrmTable;
import com.zebros.platform.config.FunctionGroup;
import com.zebros.platform.data.FileStore;
import com.zebros.platform.data.TableSet;
import com.zebros.platform.iam.PolicyDocument;
import java.util.List;

/**
 * What each function group may touch: the policy of its role, a decision per group (docs/maintainers.md, "Add a
 * function group"). Least privilege: each grant names the tables, indexes, queues and topics the group's routes or
 * jobs use, and {@code IamLeastPrivilegeTest} holds every policy to no wildcard action.
 *
 * @param notifications     the notification topic's ARN
 * @param webhookDeliveries the webhook delivery queue's ARN
 */
record FunctionPermissions(
        TableSet tables,
        FileStore files,
        Workflows workflows,
        Output<String> notifications,
        Output<String> webhookDeliveries) {

    /** What {@code group}'s routes touch, and nothing more: its role's policy. */
    PolicyDocument of(FunctionGroup group) {
        PolicyDocument policy = new PolicyDocument();
        List<CrmTable> crm = CrmTable.items();
        switch (group) {
            case CUSTOMERS:
                tables.grantReadWrite(policy, "Customers", List.of(CrmTable.CUSTOMERS, CrmTable.JOBS));
                // The health check reads one key of every table (functions' Store.probe), so every table it does not
                // write here, a new one included; the search reads the contacts' e-mail index.
                tables.grantRead(
                        policy,
                        "HealthAndSearch",
                        CrmTable.values().stream()
                                .filter(t -> t != CrmTable.CUSTOMERS && t != CrmTable.JOBS)
                                .toList());
                break;
            case CONTACTS:
                tables.grantReadWrite(policy, "Contacts", List.of(CrmTable.CONTACTS, CrmTable.JOBS));
                tables.grantRead(policy, "Customers", List.of(CrmTable.CUSTOMERS));
                break;
            case OPPORTUNITIES:
                tables.grantReadWrite(policy, "Opportunities", List.of(CrmTable.OPPORTUNITIES, CrmTable.JOBS));
                tables.grantRead(policy, "Customers", List.of(CrmTable.CUSTOMERS));
                break;
            case ACTIVITIES:
                tables.grantReadWrite(policy, "Activities", List.of(CrmTable.ACTIVITIES, CrmTable.JOBS));
                // An activity's customer, contact and opportunity are condition checks in the write's transaction
                // (dynamodb:ConditionCheckItem on each item it names).
                tables.grantRead(
                        policy, "References", List.of(CrmTable.CUSTOMERS, CrmTable.CONTACTS, CrmTable.OPPORTUNITIES));
                break;
            case REPORTING:
                tables.grantReadWrite(policy, "Jobs", List.of(CrmTable.JOBS));
                files.grantRead(policy, "Downloads", "");
                files.grantReadWrite(policy, "Uploads", "imports/");
                policy.allow("QueueJobs", List.of("sqs:SendMessage"), List.of(workflows.jobQueueArn()));
                break;
            case ANALYTICS:
                tables.grantRead(policy, "CrmData", crm);
                tables.grantReadWrite(policy, "Jobs", List.of(CrmTable.JOBS));
                // POST /v1/analyses queues an analytics job; its download link is signed by this role.
                files.grantRead(policy, "Analyses", "analytics/");
                policy.allow("QueueJobs", List.of("sqs:SendMessage"), List.of(workflows.jobQueueArn()));
                break;
            case NOTIFICATION:
                tables.grantStreamRead(policy, "StageChanges", CrmTable.OPPORTUNITIES);
                policy.allow("Notify", List.of("sns:Publish"), List.of(notifications));
                break;
            case WEBHOOKS:
                // History entries from the jobs table's stream; webhooks and delivery records in the jobs table;
                // the delivery queue, both ways.
                tables.grantStreamRead(policy, "RecordEvents", CrmTable.JOBS);
                tables.grantReadWrite(policy, "Webhooks", List.of(CrmTable.JOBS));
                policy.allow(
                        "Deliveries",
                        List.of(
                                "sqs:SendMessage",
                                "sqs:ReceiveMessage",
                                "sqs:DeleteMessage",
                                "sqs:ChangeMessageVisibility",
                                "sqs:GetQueueAttributes"),
                        List.of(webhookDeliveries));
                break;
            case AUTHORIZER:
                // Verifies tokens against Keycloak's public keys over HTTPS; touches no AWS data.
                break;
            case SIGNALS:
                // Item counts and sizes only: DescribeTable reads no item.
                policy.allow(
                        "DescribeTables",
                        List.of("dynamodb:DescribeTable"),
                        CrmTable.values().stream().map(tables::tableArn).toList());
                break;
            case MIGRATIONS:
                // The pipeline's totals: a scan of the opportunities, each marked and added to its tenant's totals
                // item in the jobs table, and the migration's checkpoint there.
                tables.grantReadWrite(policy, "Totals", List.of(CrmTable.OPPORTUNITIES, CrmTable.JOBS));
                policy.allow(
                        "ScanOpportunities",
                        List.of("dynamodb:Scan"),
                        List.of(tables.tableArn(CrmTable.OPPORTUNITIES)));
                // The contacts' e-mail claims: a scan of the contacts, each claim put in the jobs table beside a
                // condition check of its contact.
                tables.grantRead(policy, "Contacts", List.of(CrmTable.CONTACTS));
                policy.allow("ScanContacts", List.of("dynamodb:Scan"), List.of(tables.tableArn(CrmTable.CONTACTS)));
                // The list indexes' keys (ListKeysMigration): a scan of customers and activities (opportunities are
                // granted above), each item read again when it changed under the scan and its keys updated in place.
                policy.allow(
                        "ListKeys",
                        List.of("dynamodb:Scan", "dynamodb:GetItem", "dynamodb:UpdateItem"),
                        List.of(tables.tableArn(CrmTable.CUSTOMERS), tables.tableArn(CrmTable.ACTIVITIES)));
                // Its capacity budget reads each table's provisioned capacity (functions' obs/CapacityBudget).
                policy.allow(
                        "DescribeTables",
                        List.of("dynamodb:DescribeTable"),
                        CrmTable.values().stream().map(tables::tableArn).toList());
                break;
            default:
                throw new IllegalStateException("no permissions defined for " + group);
        }
        return policy;
    }
}
