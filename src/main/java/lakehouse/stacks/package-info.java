/**
 * Chooses the stack {@code lakehouse.stack} names ({@code auto}: containers when Docker answers, else embedded) and
 * starts it. It is the only package that knows every stack, so {@code lakehouse.stack} and the stacks below it
 * never depend on one another in a cycle.
 */
package lakehouse.stacks;
