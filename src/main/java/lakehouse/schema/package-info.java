/**
 * Redpanda's rules, as Redpanda 25.3 states them (docs/redpanda-contract.md): which schemas it translates, how a
 * record becomes an Iceberg row or a dead letter, the Iceberg types and the partition specs.
 *
 * <p>Depends on no stack and no other package of this project: only Iceberg and Jackson. It ships inside the Kafka
 * Connect plugin.
 */
package lakehouse.schema;
