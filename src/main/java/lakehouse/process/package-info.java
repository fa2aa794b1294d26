/**
 * Child JVMs that run specs (external stack, keep-running, interrupts): their settings, their command line and the
 * echo of their progress to the parent's console.
 */
package lakehouse.process;
