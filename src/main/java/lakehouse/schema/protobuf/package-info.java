/**
 * Redpanda 25.3's rules for Iceberg topics whose values are Protobuf messages (docs/redpanda-contract.md): which
 * messages it translates, the columns it derives and how it turns a message into a row or a dead letter.
 * {@link lakehouse.schema.protobuf.ProtobufSchema} parses a {@code .proto} file and picks a message;
 * {@link lakehouse.schema.protobuf.ProtobufMessage} is that message as a {@link lakehouse.schema.ValueSchema}.
 *
 * <p>Depends on {@code lakehouse.schema}, Iceberg, protobuf-java (descriptors) and Wire's {@code .proto} parser
 * (wire-schema, with wire-runtime, okio and kotlin-stdlib). It ships inside the Kafka Connect plugin with those jars.
 */
package lakehouse.schema.protobuf;
