/**
 * What a run leaves behind: run.json and run.md, the endpoints of a stack that keeps running, the stack's
 * diagnostics on failure, and the scan for leaked secrets.
 */
package lakehouse.report;
