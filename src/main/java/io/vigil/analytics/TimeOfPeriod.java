package io.vigil.analytics;

/** The position of a time within a UTC day or week, as {@code time_of_day} and {@code time_of_week} model it. */
public final class TimeOfPeriod {

    public static final long DAY_SECONDS = 86_400L;
    public static final long WEEK_SECONDS = 7L * DAY_SECONDS;

    /** 1970-01-01 was a Thursday, so weeks counted from Monday 00:00 UTC start 3 days before the epoch. */
    private static final long MONDAY_OFFSET_SECONDS = 3L * DAY_SECONDS;

    private TimeOfPeriod() {}

    /** Returns the seconds since 00:00 UTC of the day of {@code epochSeconds}. */
    public static double secondsOfDay(double epochSeconds) {
        return floorMod(epochSeconds, DAY_SECONDS);
    }

    /** Returns the seconds since Monday 00:00 UTC of the week of {@code epochSeconds}. */
    public static double secondsOfWeek(double epochSeconds) {
        return floorMod(epochSeconds + MONDAY_OFFSET_SECONDS, WEEK_SECONDS);
    }

    private static double floorMod(double value, long period) {
        double remainder = value % period;
        return remainder < 0.0 ? remainder + period : remainder;
    }
}
