/**
 * {@code doctor}: the checks of a real installation (configuration, database, Mattermost, Microsoft,
 * the public webhook, the subscription, credentials' expiry), each with a fix, run from the command
 * line and once after every start.
 */
package io.teamsbridge.doctor;
