/**
 * Replies from Mattermost into Teams: a person answers in a Teams chat's thread in their direct
 * channel with the bot, and the reply is sent into the chat as them. The flow is one way: intake
 * (live WebSocket events, and a REST look-back for what the socket may have missed) records each
 * reply by post id; the worker claims recorded replies, one per chat at a time; the sender reads,
 * renders and sends one; the writer is told what became of it (a reaction, or a short answer in the
 * thread).
 */
package io.teamsbridge.reply;
