package io.teamsbridge.notify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** PRODUCT.md's presence table, row by row. */
class PresenceRuleTest {
    @ParameterizedTest(name = "{0}/{1} -> notify {2}")
    @CsvSource(nullValues = "null", value = {
        "Away, Away, true",
        "Away, BeRightBack, true",
        "Offline, Offline, true",
        "Offline, OffWork, true",
        "Available, Available, false",
        "Available, Inactive, true",
        "AvailableIdle, Available, false",
        "Busy, InAMeeting, false",
        "Busy, InACall, false",
        "BusyIdle, Busy, false",
        "DoNotDisturb, Presenting, false",
        "DoNotDisturb, OffWork, true",
        "BeRightBack, BeRightBack, false",
        "PresenceUnknown, PresenceUnknown, true",
        "null, null, true",
        "'', '', true",
        "SomethingNew, SomethingNew, false",
    })
    void notificationsFollowThePresenceTable(String availability, String activity, boolean notify) {
        assertThat(PresenceRule.shouldNotify(availability, activity)).isEqualTo(notify);
    }
}
