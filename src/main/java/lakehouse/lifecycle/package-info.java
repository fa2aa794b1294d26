/**
 * Processes and files of a run: the shutdown switch, owned child processes and temporary directories (named for
 * their owner, so the next run reclaims what a SIGKILL left), the parent watch and the stack log.
 * Uses nothing else of this project.
 */
package lakehouse.lifecycle;
