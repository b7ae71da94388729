/**
 * The notification pipeline: ingest → inbox → workers → recipients → gate → decrypt → render →
 * deliver. Stages meet only through the database and value objects; each is a small class.
 * Nothing here knows HTTP details of Graph or Mattermost beyond the webhook it receives.
 */
package io.teamsbridge.notify;
