package lakehouse.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lakehouse.duckdb.DuckDbStatements;
import lakehouse.stack.Endpoints;
import lakehouse.stack.ExternalSettings;
import lakehouse.stack.Settings;

/**
 * Ready-to-paste shell commands for each endpoint of a running stack. Credentials appear only as
 * shell variables named like the external settings ({@code $LAKEHOUSE_S3_SECRET_KEY}).
 */
final class ClientCommands {
  private ClientCommands() {}

  static Map<String, String> forEndpoints(Endpoints endpoints) {
    Map<String, String> commands = new LinkedHashMap<>();
    String bootstrap = endpoints.kafka().bootstrapServers();
    commands.put("kafka " + bootstrap, "kcat -b " + bootstrap + " -C -t trades -o beginning -e"
        + "   # or: kafka-console-consumer.sh --bootstrap-server " + bootstrap + " --topic trades --from-beginning");
    commands.put("schema registry", endpoints.schemaRegistryUrl() != null
        ? "curl -s " + endpoints.schemaRegistryUrl() + "/subjects"
        : "none: Iceberg topics are Kafka Connect sink connectors here: curl -s " + endpoints.connectUrl() + "/connectors");
    commands.put("rest catalog " + endpoints.catalog().uri(), catalogCommand(endpoints));
    commands.put("s3 " + endpoints.s3().endpoint(), "AWS_ACCESS_KEY_ID=" + endpoints.s3().accessKey()
        + " AWS_SECRET_ACCESS_KEY=" + variable(ExternalSettings.S3_SECRET_KEY) + " AWS_REGION=" + endpoints.s3().region()
        + " aws --endpoint-url " + endpoints.s3().endpoint() + " s3 ls s3://redpanda/ --recursive");
    commands.put("duckdb", duckDbCommand(endpoints));
    return commands;
  }

  private static String catalogCommand(Endpoints endpoints) {
    Endpoints.Catalog catalog = endpoints.catalog();
    String prefix = catalog.warehouse().isBlank() ? "" : catalog.warehouse() + "/";
    return "TOKEN=$(curl -s " + catalog.tokenUri() + " -d grant_type=client_credentials -d client_id=" + catalog.clientId()
        + " -d \"client_secret=" + variable(ExternalSettings.CATALOG_CLIENT_SECRET) + "\""
        + (catalog.scope() == null ? "" : " -d scope=" + catalog.scope())
        + " | sed -n 's/.*\"access_token\" *: *\"\\([^\"]*\\)\".*/\\1/p'); curl -s -H \"Authorization: Bearer $TOKEN\" "
        + catalog.uri() + "/v1/" + prefix + "namespaces/" + endpoints.namespace() + "/tables";
  }

  /** The DuckDB CLI with the same secrets and ATTACH the spec uses; the shell fills in the credentials. */
  private static String duckDbCommand(Endpoints endpoints) {
    Endpoints withVariables = new Endpoints(
        endpoints.kafka(), endpoints.schemaRegistryUrl(),
        new Endpoints.Catalog(endpoints.catalog().uri(), endpoints.catalog().warehouse(), endpoints.catalog().clientId(),
            variable(ExternalSettings.CATALOG_CLIENT_SECRET), endpoints.catalog().tokenUri(), endpoints.catalog().scope()),
        new Endpoints.S3(endpoints.s3().endpoint(), endpoints.s3().region(), endpoints.s3().accessKey(),
            variable(ExternalSettings.S3_SECRET_KEY), endpoints.s3().pathStyle()),
        endpoints.namespace(), endpoints.connectUrl());
    List<String> statements = DuckDbStatements.attach(withVariables);
    return "duckdb -cmd \"LOAD httpfs; LOAD avro; LOAD iceberg; " + String.join("; ", statements)
        + "; SHOW ALL TABLES;\"";
  }

  private static String variable(String setting) {
    return "$" + Settings.environmentName(setting);
  }
}
