/**
 * What the operator commands do, wherever they run: in the command's own process on the database,
 * or inside a running service reached through its admin API. The audit trail, the import run (walk,
 * then wait until applied) and its dry-run tally; the CLI prints the results the same way from
 * either place.
 */
@NullMarked
package io.ghlcredly.app.operations;

import org.jspecify.annotations.NullMarked;
