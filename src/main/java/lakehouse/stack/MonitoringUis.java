package lakehouse.stack;

/**
 * The web UIs a kept-running containers stack offers for watching the pipeline, as the host's browser
 * reaches them: Redpanda Console (topics, schemas, consumer groups, the broker) and MinIO's console
 * (the bucket's Parquet and metadata files). MinIO's login is the stack's S3 access key and secret key.
 */
public record MonitoringUis(String redpandaConsole, String minioConsole, String minioUser) {}
