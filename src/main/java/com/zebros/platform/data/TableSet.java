package com.zebros.platform.data;

import com.pulumi.core.Output;
import com.zebros.platform.config.CrmTable;
import com.zebros.platform.iam.PolicyDocument;
import java.util.ArrayList;
import java.util.List;

/**
 * The CRM tables as the rest of the stack reaches them: names, ARNs, streams and the key that
 * encrypts them, with the grants that open them. A primary or standalone stack owns the tables
 * ({@link CrmTables}); a secondary reaches the replicas in its own region ({@link ReplicaTables}).
 */
public interface TableSet {

    Output<String> tableName(CrmTable table);

    Output<String> tableArn(CrmTable table);

    Output<String> streamArn(CrmTable table);

    /** The KMS key that encrypts the tables in this region. */
    Output<String> keyArn();

    /** Read access to {@code which} tables and their indexes. */
    default void grantRead(PolicyDocument policy, String sid, List<CrmTable> which) {
        policy.allow(
                sid,
                List.of(
                        "dynamodb:GetItem",
                        "dynamodb:BatchGetItem",
                        "dynamodb:Query",
                        "dynamodb:ConditionCheckItem",
                        "dynamodb:DescribeTable"),
                arnsWithIndexes(which));
        policy.allow(sid + "Key", List.of("kms:Decrypt", "kms:DescribeKey"), List.of(keyArn()));
    }

    /** Read and write access to {@code which} tables and their indexes (no table administration). */
    default void grantReadWrite(PolicyDocument policy, String sid, List<CrmTable> which) {
        policy.allow(
                sid,
                List.of(
                        "dynamodb:GetItem",
                        "dynamodb:BatchGetItem",
                        "dynamodb:Query",
                        "dynamodb:ConditionCheckItem",
                        "dynamodb:DescribeTable",
                        "dynamodb:PutItem",
                        "dynamodb:UpdateItem",
                        "dynamodb:DeleteItem",
                        "dynamodb:BatchWriteItem"),
                arnsWithIndexes(which));
        policy.allow(
                sid + "Key",
                List.of("kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:DescribeKey"),
                List.of(keyArn()));
    }

    /** What an event source mapping needs to read {@code table}'s stream. */
    default void grantStreamRead(PolicyDocument policy, String sid, CrmTable table) {
        policy.allow(
                sid,
                List.of("dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator"),
                List.of(streamArn(table)));
        policy.allow(
                sid + "List",
                List.of("dynamodb:ListStreams"),
                List.of(tableArn(table).applyValue(arn -> arn + "/stream/*")));
        policy.allow(sid + "Key", List.of("kms:Decrypt", "kms:DescribeKey"), List.of(keyArn()));
    }

    private List<Output<String>> arnsWithIndexes(List<CrmTable> which) {
        List<Output<String>> arns = new ArrayList<>();
        for (CrmTable t : which) {
            arns.add(tableArn(t));
            arns.add(tableArn(t).applyValue(arn -> arn + "/index/*"));
        }
        return arns;
    }
}
