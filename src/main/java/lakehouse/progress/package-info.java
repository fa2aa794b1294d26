/**
 * Keeping the console alive: the phases a run is in, a heartbeat line when a phase is quiet, and Awaitility
 * progress lines. Uses nothing else of this project.
 */
package lakehouse.progress;
