package lakehouse.stack.embedded;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.connect.runtime.Herder;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.apache.kafka.connect.util.ConnectorTaskId;
import org.apache.kafka.connect.util.FutureCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restarts failed sink tasks. Redpanda keeps retrying translation while its catalog is away; the
 * Iceberg sink task instead dies when a catalog call fails ("will not recover until manually
 * restarted"). Restarting it, as Kubernetes operators for Kafka Connect do, lets the embedded stack
 * ride out the same outages; the task resumes from the offsets of its last commit, so nothing is
 * written twice.
 */
final class TaskSupervisor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TaskSupervisor.class);
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "lakehouse-task-supervisor");
    thread.setDaemon(true);
    return thread;
  });
  private final Supplier<Herder> herder;

  TaskSupervisor(Supplier<Herder> herder) {
    this.herder = herder;
    scheduler.scheduleWithFixedDelay(this::restartFailedTasks, 1, 1, TimeUnit.SECONDS);
  }

  private void restartFailedTasks() {
    if (lakehouse.lifecycle.Shutdown.begun()) {
      return;
    }
    try {
      Herder current = herder.get();
      for (String connector : current.connectors()) {
        for (ConnectorStateInfo.TaskState task : current.connectorStatus(connector).tasks()) {
          if ("FAILED".equals(task.state())) {
            LOG.warn("restarting failed task {} of {}: {}", task.id(), connector, firstLine(task.trace()));
            FutureCallback<Void> restarted = new FutureCallback<>();
            current.restartTask(new ConnectorTaskId(connector, task.id()), restarted);
            restarted.get(30, TimeUnit.SECONDS);
          }
        }
      }
    } catch (Exception e) {
      // The worker may be restarting or stopping; the next round looks again.
      LOG.debug("task supervision round skipped", e);
    }
  }

  private static String firstLine(String trace) {
    return trace == null ? "" : trace.lines().findFirst().orElse("");
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
