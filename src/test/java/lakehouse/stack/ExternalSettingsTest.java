package lakehouse.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import lakehouse.stack.external.ExternalStack;
import org.junit.jupiter.api.Test;

class ExternalSettingsTest {
  private static final Endpoints ENDPOINTS = new Endpoints(
      new Endpoints.Kafka("broker-1:9092,broker-2:9092", Map.of()),
      "http://registry:8081",
      new Endpoints.Catalog("https://polaris.example/api/catalog", "prod", "spec", "client-secret-value",
          "https://polaris.example/api/catalog/v1/oauth/tokens", "PRINCIPAL_ROLE:ALL"),
      new Endpoints.S3("https://s3.eu-west-1.amazonaws.com", "eu-west-1", "AKIA", "s3-secret-value", false),
      "lake");

  @Test
  void everyStackCanBeWrittenOutAsSettingsAndReadBack() {
    Map<String, String> settings = ExternalSettings.describe(ENDPOINTS);

    assertThat(ExternalSettings.endpoints(new Settings(settings, Map.of()))).isEqualTo(ENDPOINTS);
  }

  @Test
  void aStackWithSaslIsWrittenOutAndReadBackToo() {
    Map<String, String> settings = new HashMap<>(ExternalSettings.describe(ENDPOINTS));
    settings.put(ExternalSettings.KAFKA_SECURITY_PROTOCOL, "SASL_SSL");
    settings.put(ExternalSettings.KAFKA_SASL_MECHANISM, "PLAIN");
    settings.put(ExternalSettings.KAFKA_SASL_USERNAME, "sp\\ec");
    settings.put(ExternalSettings.KAFKA_SASL_PASSWORD, "pa\"ss\\");
    Endpoints sasl = ExternalSettings.endpoints(new Settings(settings, Map.of()));

    Map<String, String> described = ExternalSettings.describe(sasl);

    assertThat(described).containsEntry(ExternalSettings.KAFKA_SASL_USERNAME, "sp\\ec")
        .containsEntry(ExternalSettings.KAFKA_SASL_PASSWORD, "pa\"ss\\");
    assertThat(ExternalSettings.endpoints(new Settings(described, Map.of()))).isEqualTo(sasl);
  }

  @Test
  void secretsCanComeFromTheEnvironment() {
    Map<String, String> properties = new HashMap<>(ExternalSettings.describe(ENDPOINTS));
    properties.keySet().removeAll(ExternalSettings.SECRETS);
    Map<String, String> environment = Map.of(
        "LAKEHOUSE_CATALOG_CLIENT_SECRET", "client-secret-value", "LAKEHOUSE_S3_SECRET_KEY", "s3-secret-value");

    assertThat(ExternalSettings.endpoints(new Settings(properties, environment))).isEqualTo(ENDPOINTS);
  }

  @Test
  void oneErrorListsEveryMissingKey() {
    assertThatThrownBy(() -> ExternalSettings.endpoints(new Settings(Map.of("lakehouse.catalog.uri", "http://c"), Map.of())))
        .hasMessageContaining("lakehouse.kafka.bootstrap-servers")
        .hasMessageContaining("lakehouse.catalog.client-id")
        .hasMessageContaining("lakehouse.catalog.client-secret")
        .hasMessageContaining("lakehouse.s3.endpoint")
        .hasMessageContaining("lakehouse.s3.access-key")
        .hasMessageContaining("lakehouse.s3.secret-key")
        .hasMessageContaining("lakehouse.schema-registry.url (Redpanda) or lakehouse.connect.url")
        .hasMessageNotContaining("lakehouse.catalog.uri,");
  }

  @Test
  void saslSettingsBecomeKafkaClientProperties() {
    Map<String, String> settings = new HashMap<>(ExternalSettings.describe(ENDPOINTS));
    settings.put("lakehouse.kafka.security-protocol", "SASL_SSL");
    settings.put("lakehouse.kafka.sasl-mechanism", "SCRAM-SHA-256");
    settings.put("lakehouse.kafka.sasl-username", "spec");

    assertThatThrownBy(() -> ExternalSettings.endpoints(new Settings(settings, Map.of())))
        .hasMessageContaining("lakehouse.kafka.sasl-password is required");
    Map<String, String> client = ExternalSettings.endpoints(
        new Settings(settings, Map.of("LAKEHOUSE_KAFKA_SASL_PASSWORD", "pa\"ss"))).kafka().clientProperties();
    assertThat(client).containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "SCRAM-SHA-256");
    assertThat(client.get("sasl.jaas.config"))
        .isEqualTo("org.apache.kafka.common.security.scram.ScramLoginModule required username=\"spec\" password=\"pa\\\"ss\";");
  }

  @Test
  void aConnectWorkersSecretsFileIsWrittenOutAndReadBackButOnlyWithAConnectUrl() {
    Endpoints connect = new Endpoints(ENDPOINTS.kafka(), null, ENDPOINTS.catalog(), ENDPOINTS.s3(), "lake",
        "http://connect:8083", "/etc/kafka/lakehouse-secrets.properties");
    Map<String, String> settings = new HashMap<>(ExternalSettings.describe(connect));

    assertThat(settings).containsEntry("lakehouse.connect.secrets-file", "/etc/kafka/lakehouse-secrets.properties");
    assertThat(ExternalSettings.endpoints(new Settings(settings, Map.of()))).isEqualTo(connect);
    settings.remove("lakehouse.connect.url");
    settings.put("lakehouse.schema-registry.url", "http://registry:8081");
    assertThat(ExternalSettings.endpoints(new Settings(settings, Map.of())).connectSecretsFile()).isNull();
  }

  @Test
  void aRunIdMustBeSafeInTopicAndTableNames() {
    Map<String, String> settings = new HashMap<>(ExternalSettings.describe(ENDPOINTS));
    settings.put("lakehouse.stack", "external");
    settings.put("lakehouse.run-id", "Run-1");

    assertThatThrownBy(() -> ExternalStack.connect(lakehouse.stacks.Stacks.settings(new Settings(settings, Map.of()))))
        .hasMessageContaining("lakehouse.run-id=Run-1");
    settings.put("lakehouse.run-id", "nightly_7");
    assertThat(ExternalStack.connect(lakehouse.stacks.Stacks.settings(new Settings(settings, Map.of()))).topicName("trades"))
        .isEqualTo("trades_nightly_7");
  }
}
