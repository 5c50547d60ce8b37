/** Expansion signals: the expansion-signals table proposes the next deal inside each account; reps accept or dismiss. */
package dev.accountflow.expansion;
