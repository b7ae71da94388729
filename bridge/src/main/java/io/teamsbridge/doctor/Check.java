package io.teamsbridge.doctor;

import java.util.List;

/** A group of related checks; later ones in a group are skipped when an earlier one makes them moot. */
interface Check {
    List<Finding> run();
}
