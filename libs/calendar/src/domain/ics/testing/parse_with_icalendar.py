"""Parses an iCalendar file with Python's icalendar (Debian's python3-icalendar) in whatever TZ
this process was started with, and prints {tz, parsers: {"python-icalendar": {uid: {start, end,
summary, status}}}} as JSON; start and end are epoch milliseconds. Spawned by client-parsers.spec.ts."""
import json
import os
import sys

from icalendar import Calendar

with open(sys.argv[1], "rb") as handle:
    calendar = Calendar.from_ical(handle.read())

events = {}
for event in calendar.walk("VEVENT"):
    start = event.decoded("dtstart")
    end = event.decoded("dtend")
    if start.tzinfo is None or end.tzinfo is None:
        raise SystemExit("python-icalendar: %s has a floating time" % event.get("uid"))
    events[str(event.get("uid"))] = {
        "start": round(start.timestamp() * 1000),
        "end": round(end.timestamp() * 1000),
        "summary": str(event.get("summary")),
        "status": str(event.get("status")),
        "description": str(event.get("description")) if event.get("description") is not None else None,
    }

print(json.dumps({"tz": os.environ.get("TZ"), "parsers": {"python-icalendar": events}}, ensure_ascii=False))
