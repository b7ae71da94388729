package io.teamsbridge.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamsbridge.linking.UserSettings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** PRODUCT.md's presence table, row by row, and the states a user may choose to be told in. */
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
        "Busy, OffWork, true",
        "DoNotDisturb, Presenting, false",
        "DoNotDisturb, OffWork, true",
        "BeRightBack, BeRightBack, false",
        "available, null, false",
        "PresenceUnknown, PresenceUnknown, true",
        "null, null, true",
        "'', '', true",
        "SomethingNew, SomethingNew, true",
        "Available, SomethingNew, false",
    })
    void notificationsFollowThePresenceTable(String availability, String activity, boolean notify) {
        assertThat(PresenceRule.shouldNotify(availability, activity)).isEqualTo(notify);
    }

    @ParameterizedTest(name = "{0}/{1}, busy {2}, dnd {3} -> held back as {4}")
    @CsvSource(nullValues = "null", value = {
        "Busy, InAMeeting, false, false, Busy",
        "Busy, InAMeeting, true, false, null",
        "BusyIdle, Busy, true, false, null",
        "DoNotDisturb, Presenting, true, false, Do not disturb",
        "DoNotDisturb, Presenting, false, true, null",
        "Busy, InACall, false, true, Busy",
        "Available, Available, true, true, Available",
        "BeRightBack, BeRightBack, true, true, Be right back",
        "Away, Away, false, false, null",
    })
    void aUserMayChooseToBeToldWhileBusyOrInDoNotDisturb(String availability, String activity, boolean whileBusy,
            boolean whileDnd, String heldBackAs) {
        UserSettings settings = new UserSettings(true, true, whileBusy, whileDnd, true);
        assertThat(PresenceRule.heldBackAs(availability, activity, settings).orElse(null)).isEqualTo(heldBackAs);
    }
}
