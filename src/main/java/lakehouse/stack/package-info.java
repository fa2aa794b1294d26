/**
 * The one small interface every stack implements ({@link lakehouse.stack.LakehouseStack}), and what all stacks
 * share: settings, endpoints, Iceberg topics, capabilities, faults and secrets.
 *
 * <p>May use {@code lakehouse.schema}, {@code lakehouse.progress} and {@code lakehouse.lifecycle}; never one of its
 * subpackages (each stack) and never {@code lakehouse.stacks}.
 */
package lakehouse.stack;
