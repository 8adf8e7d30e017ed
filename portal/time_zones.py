"""The time zones an editor may choose for the admin (their account's settings): WAGTAIL_USER_TIME_ZONES.

Wagtail offers every name the system's time zone database holds, and Debian's includes "localtime" and
"Factory": names no browser knows, so the admin's script that names the zones in the editor's language
stops at the first ("Invalid time zone specified: localtime"). Offered here: the zones named by region
and city, and UTC.
"""

from zoneinfo import available_timezones

REGIONS = ("Africa/", "America/", "Antarctica/", "Arctic/", "Asia/", "Atlantic/", "Australia/", "Europe/")
REGIONS += ("Indian/", "Pacific/")


def admin_time_zones():
    return ["UTC", *sorted(name for name in available_timezones() if name.startswith(REGIONS))]
