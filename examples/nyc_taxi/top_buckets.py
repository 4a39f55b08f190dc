"""Prints a get-buckets response (JSON on standard input) as a table, naming the labelled window of each bucket.

The windows are those of NAB v1.1 labels/combined_windows.json for realKnownCause/nyc_taxi.csv, in UTC.
Uses only the Python 3 standard library.
"""
import json
import sys
from datetime import datetime, timezone

WINDOWS = [
    ("NYC marathon", "2014-10-30 15:30", "2014-11-03 22:30"),
    ("Thanksgiving", "2014-11-25 12:00", "2014-11-29 19:00"),
    ("Christmas", "2014-12-23 11:30", "2014-12-27 18:30"),
    ("New Year", "2014-12-29 21:30", "2015-01-03 04:30"),
    ("January 2015 blizzard", "2015-01-24 20:30", "2015-01-29 03:30"),
]


def window_of(start):
    """Returns the name of the labelled window containing a bucket start, or '-' outside them."""
    text = start.strftime("%Y-%m-%d %H:%M")
    for name, first, last in WINDOWS:
        if first <= text <= last:
            return name
    return "-"


def main():
    buckets = json.load(sys.stdin)["buckets"]
    print(f"{'bucket start (UTC)':<18}  {'anomaly_score':>13}  {'initial_anomaly_score':>21}  labelled window")
    inside = 0
    for bucket in buckets:
        start = datetime.fromtimestamp(bucket["timestamp"] / 1000, tz=timezone.utc)
        window = window_of(start)
        if window != "-":
            inside += 1
        score = bucket["anomaly_score"]
        initial_score = bucket["initial_anomaly_score"]
        print(f"{start:%Y-%m-%d %H:%M}    {score:>13.1f}  {initial_score:>21.1f}  {window}")
    print(f"{inside} of {len(buckets)} buckets fall inside a labelled window")


if __name__ == "__main__":
    main()
