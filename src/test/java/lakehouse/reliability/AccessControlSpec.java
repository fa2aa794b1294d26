package lakehouse.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import lakehouse.DuckDbHandle;
import lakehouse.Lakehouse;
import lakehouse.junit.LakehouseSpec;
import lakehouse.pipeline.Pipeline;
import lakehouse.schema.IcebergTypes;
import lakehouse.stack.Capability;
import lakehouse.stack.CatalogAuth;
import lakehouse.stack.Endpoints;
import lakehouse.stack.IcebergClients;
import lakehouse.stack.RunSettings;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.ForbiddenException;
import org.apache.iceberg.rest.RESTCatalog;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Only granted principals touch the tables: a reader reads and nothing more; a wrong secret gets nowhere. */
@LakehouseSpec
@Order(9)
class AccessControlSpec {

  @Test
  @Order(1)
  void aReadOnlyPrincipalQueriesTheTablesButCannotCreateOrDropOne(Lakehouse lakehouse, Pipeline pipeline,
      RunSettings settings) throws Exception {
    assumeTrue(lakehouse.supports(Capability.CATALOG_ACCESS_CONTROL), lakehouse.whyNot(Capability.CATALOG_ACCESS_CONTROL));
    pipeline.tradesSnapshot();
    Endpoints reader = asReader(lakehouse);

    try (DuckDbHandle duckdb = DuckDbHandle.connectTo(reader, settings.duckDbExtensionDir())) {
      assertThat(duckdb.count(pipeline.tradesTopic())).as("rows the reader sees").isPositive();
    }
    try (RESTCatalog catalog = IcebergClients.openRestCatalog("reader", reader)) {
      TableIdentifier probe = TableIdentifier.of(reader.namespace(), "reader_probe");
      assertThatThrownBy(() -> catalog.createTable(probe, IcebergTypes.tableSchema(Pipeline.TRADES_SCHEMA),
          PartitionSpec.unpartitioned()))
          .as("create a table as the reader").isInstanceOf(ForbiddenException.class).hasMessageContaining("not authorized");
      assertThatThrownBy(() -> catalog.dropTable(TableIdentifier.of(reader.namespace(), pipeline.tradesTopic())))
          .as("drop a table as the reader").isInstanceOf(ForbiddenException.class).hasMessageContaining("not authorized");
    }
    assertThat(lakehouse.catalog().table(pipeline.tradesTopic()).currentSnapshot()).as("the table is still there").isNotNull();
  }

  @Test
  @Order(2)
  void aWrongClientSecretIsRefusedAtOnceNamingTheSettingToFix(Lakehouse lakehouse) {
    assumeTrue(lakehouse.supports(Capability.CATALOG_ACCESS_CONTROL), lakehouse.whyNot(Capability.CATALOG_ACCESS_CONTROL));
    Endpoints.Catalog catalog = lakehouse.endpoints().catalog();
    Endpoints.Catalog wrong = new Endpoints.Catalog(catalog.uri(), catalog.warehouse(), catalog.clientId(),
        "not-the-" + "secret", catalog.tokenUri(), catalog.scope());

    assertThatThrownBy(() -> CatalogAuth.token(wrong))
        .hasMessageContaining("HTTP 401")
        .hasMessageContaining("after 1 request")
        .hasMessageContaining("lakehouse.catalog.client-secret")
        .hasMessageNotContaining(catalog.clientSecret());
  }

  private static Endpoints asReader(Lakehouse lakehouse) {
    Endpoints endpoints = lakehouse.endpoints();
    Endpoints.Catalog reader = lakehouse.readOnlyCatalog().orElseThrow(() -> new IllegalStateException(
        "the stack claims access control but names no read-only principal"));
    return new Endpoints(endpoints.kafka(), endpoints.schemaRegistryUrl(), reader, endpoints.s3(), endpoints.namespace(),
        endpoints.connectUrl());
  }
}
