package io.teamsbridge.render;

/** The kinds of Teams chat a notification can come from; decides the header's wording. */
public enum ChatKind {
    ONE_ON_ONE,
    GROUP,
    MEETING
}
