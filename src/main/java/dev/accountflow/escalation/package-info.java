/** Customer escalations: raised by account managers to a division, routed by the escalation-routing table with a business-hours SLA, answered back to the AM. */
package dev.accountflow.escalation;
