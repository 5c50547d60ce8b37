/** Customers' feature requests: logged by account managers, routed by the feature-routing table, decided by product management, answered to the AM and the customer. */
package dev.accountflow.featurerequest;
