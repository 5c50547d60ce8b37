/** Completing a task sets only the fields of its form; nobody else writes process variables past the forms. */
package dev.accountflow.taskform;
