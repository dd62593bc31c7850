package com.zebros.worker.bench;

import com.zebros.worker.Worker;
import com.zebros.worker.WorkerMain;
import com.zebros.worker.analytics.AnalyticsWorker;
import com.zebros.worker.export.ExportWorker;
import com.zebros.worker.importer.ImportWorker;
import com.zebros.worker.report.ReportWorker;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One worker run in this JVM, as its container runs it, followed by what it cost: the seconds of the
 * job itself (JVM start excluded), the peak heap in use (sum of the heap pools' peaks) and the peak
 * resident memory of the whole process (VmHWM), the figure a Fargate task's memory limit applies to.
 */
public final class MeasuredRun {
    static final String MARK = "MEASURED ";

    private MeasuredRun() {}

    public static void main(String[] args) throws IOException {
        Worker worker = switch (args[0]) {
            case "import" -> new ImportWorker();
            case "report" -> new ReportWorker();
            case "export" -> new ExportWorker();
            case "analytics" -> new AnalyticsWorker();
            default -> throw new IllegalArgumentException("no worker " + args[0]);
        };
        long start = System.nanoTime();
        int exit = WorkerMain.run(worker, new String[] {args[1]}, System.getenv());
        double seconds = (System.nanoTime() - start) / 1e9;
        long heapPeak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPeak += pool.getPeakUsage().getUsed();
            }
        }
        long rssKb = Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(l -> l.startsWith("VmHWM:"))
                .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")))
                .findFirst()
                .orElse(-1L);
        System.out.println(MARK + exit + " " + seconds + " " + heapPeak / (1024 * 1024) + " " + rssKb / 1024);
        System.exit(exit);
    }
}
