/** The benchmark's settings, read here so the preflight checks them before any stack starts. */
package lakehouse.benchmark;
