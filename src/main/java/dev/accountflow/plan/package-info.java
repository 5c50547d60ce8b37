/** Strategic accounts' annual plans: quarterly objectives, and the quarterly review cycle that keeps them current. */
package dev.accountflow.plan;
