package dev.orchestrator.temporal;

import dev.orchestrator.ConfigurationException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.time.Duration;

/**
 * A checked connection to a Temporal namespace: it fails fast, and says why, instead of hanging.
 */
final class TemporalConnection implements AutoCloseable {

  /** How long to wait for the server before giving up. */
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private final WorkflowServiceStubs service;
  private final WorkflowClient client;

  private TemporalConnection(WorkflowServiceStubs service, WorkflowClient client) {
    this.service = service;
    this.client = client;
  }

  /**
   * Connects and checks that the namespace exists.
   *
   * @param identity how this process appears in the workflow history
   * @throws ConfigurationException if the server cannot be reached within {@link #CONNECT_TIMEOUT}
   *     or has no such namespace
   */
  static TemporalConnection open(TemporalSettings settings, String identity) {
    WorkflowServiceStubs service;
    try {
      service =
          WorkflowServiceStubs.newConnectedServiceStubs(
              WorkflowServiceStubsOptions.newBuilder().setTarget(settings.target()).build(),
              CONNECT_TIMEOUT);
    } catch (RuntimeException e) {
      throw new ConfigurationException(
          "cannot reach the Temporal server at "
              + settings.target()
              + " within "
              + CONNECT_TIMEOUT.toSeconds()
              + "s ("
              + e.getMessage()
              + "); start one (for a try-out: temporal server start-dev) or fix --temporal");
    }
    try {
      service
          .blockingStub()
          .withDeadlineAfter(CONNECT_TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
          .describeNamespace(
              DescribeNamespaceRequest.newBuilder().setNamespace(settings.namespace()).build());
    } catch (StatusRuntimeException e) {
      service.shutdownNow();
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        throw new ConfigurationException(
            "the Temporal server at "
                + settings.target()
                + " has no namespace "
                + settings.namespace()
                + "; create it (temporal operator namespace create "
                + settings.namespace()
                + ") or fix --namespace");
      }
      throw new ConfigurationException(
          "cannot use the Temporal server at " + settings.target() + ": " + e.getMessage());
    }
    WorkflowClient client =
        WorkflowClient.newInstance(
            service,
            WorkflowClientOptions.newBuilder()
                .setNamespace(settings.namespace())
                .setIdentity(identity)
                .build());
    return new TemporalConnection(service, client);
  }

  WorkflowClient client() {
    return client;
  }

  @Override
  public void close() {
    service.shutdown();
    service.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
  }
}
