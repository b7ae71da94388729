/** Running the service: periodic jobs, health and metrics. */
package io.teamsbridge.ops;
