package com.zebros.worker.importer;

import com.zebros.crm.crm.EntityType;
import com.zebros.crm.crm.Items;
import com.zebros.crm.store.Store;
import com.zebros.crm.store.Table;
import com.zebros.worker.Job;
import com.zebros.worker.JobContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Good rows of an import waiting to be written, up to one read batch (100): their customers are
 * checked, the rows an earlier attempt wrote (at or before its checkpoint) are counted but not
 * written again, the rest go to {@link ItemWriter}, and the checkpoint moves on every
 * {@link ImportWorker#CHECKPOINT_EVERY} lines.
 */
final class ImportBatch {
    /** What the import counted; rejected rows are the error report's. */
    static final class Progress {
        long rows;
        long imported;
        long rejected;
        long writtenBefore;
    }

    private final Job job;
    private final JobContext context;
    private final EntityType type;
    private final ImportErrors errors;
    private final long resumeAfter;
    private final Progress progress;
    private final ItemWriter writer;
    private final RowIds ids;
    private final CustomerReferences customers;
    private final List<Long> lines = new ArrayList<>();
    private final List<Map<String, AttributeValue>> rows = new ArrayList<>();
    private long writtenThrough;
    private long checkpointed;

    ImportBatch(Job job, JobContext context, EntityType type, ImportErrors errors, long resumeAfter, Progress progress) {
        this.job = job;
        this.context = context;
        this.type = type;
        this.errors = errors;
        this.resumeAfter = resumeAfter;
        this.progress = progress;
        this.writer = new ItemWriter(context.store().client(), context.store());
        this.ids = new RowIds(Items.idPrefix(type), job.tenantId(), job.jobId());
        this.customers = new CustomerReferences(writer, job.tenantId());
        this.writtenThrough = resumeAfter;
        this.checkpointed = resumeAfter;
    }

    void add(long line, Map<String, AttributeValue> fields) {
        lines.add(line);
        rows.add(fields);
        if (rows.size() == ItemWriter.READ_BATCH) {
            flush();
        }
    }

    void flush() {
        if (rows.isEmpty()) {
            return;
        }
        Set<String> missingCustomers = type.table() == Table.CONTACTS
                ? customers.missing(rows.stream().map(r -> r.get("customerId").s()).toList()) : Set.of();
        String now = context.clock().instant().toString();
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            long line = lines.get(i);
            Map<String, AttributeValue> fields = rows.get(i);
            if (fields.containsKey("customerId") && missingCustomers.contains(fields.get("customerId").s())) {
                errors.add(line, "customerId", "no customer " + fields.get("customerId").s());
                continue;
            }
            progress.imported++;
            if (line <= resumeAfter) {
                continue;
            }
            Map<String, AttributeValue> item = Items.created(type, job.tenantId(), ids.id(line), fields, now);
            item.put(Store.VERSION, AttributeValue.fromN("1"));
            items.add(item);
        }
        int written = writer.writeMissing(type.table(), job.tenantId(), items);
        progress.writtenBefore += items.size() - written;
        writtenThrough = Math.max(writtenThrough, lines.get(lines.size() - 1));
        lines.clear();
        rows.clear();
        if (writtenThrough - checkpointed >= ImportWorker.CHECKPOINT_EVERY) {
            checkpoint();
        }
    }

    void checkpoint() {
        if (writtenThrough > checkpointed) {
            context.saveCheckpoint(job, writtenThrough);
            checkpointed = writtenThrough;
        }
    }
}
