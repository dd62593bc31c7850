package com.zebros.platform.config;

/** The long-running Fargate workers of the seeds, each its own image and task definition. */
public enum WorkerKind {
    REPORT("report-worker"),
    IMPORT("import-worker"),
    EXPORT("export-worker"),
    ANALYTICS("analytics-worker");

    private final String image;

    WorkerKind(String image) {
        this.image = image;
    }

    /** The image (and ECR repository) name, as the folder in containers/. */
    public String image() {
        return image;
    }

    public String id() {
        return name().toLowerCase();
    }
}
