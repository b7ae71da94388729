/**
 * Outbound HTTP shared by the Microsoft and Mattermost clients: one JDK {@code HttpClient} with
 * bounded, {@code Retry-After}-aware retries for throttled or briefly unavailable servers.
 */
package io.teamsbridge.http;
