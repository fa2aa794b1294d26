package lakehouse.benchmark;

import java.util.List;
import java.util.Map;

/** The measurements of one size: one entry of {@code benchmark.json}. */
record SizeResult(
    int trades,
    double ingestRecordsPerS,
    double kafkaPerfRecordsPerS,
    double ingestPlainTopicRecordsPerS,
    long freshnessMsP50,
    long freshnessMsMax,
    List<Long> freshnessMs,
    List<lakehouse.pipeline.FreshnessParts> freshnessParts,
    long commitIntervalMs,
    long commitPeriodMsP50,
    long duckdbQueryMsP50,
    long duckdbParquetMsP50,
    int parquetFiles,
    long roundTripMs,
    Map<String, Long> stackStartMs,
    long peakHeapMb,
    CpuBudget.Budget cpuBudget,
    List<Timeline.Span> timeline) {}
