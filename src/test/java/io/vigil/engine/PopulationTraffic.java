package io.vigil.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * Seeded activity of a population of users: per hour, each user performs 5 to 15 actions, each one of
 * {@link #ACTIONS} chosen uniformly, and each action moves {@code bytes} normal with mean 1000 and standard deviation
 * 100.
 */
final class PopulationTraffic {

    static final String[] ACTIONS = {"read", "write", "list", "login", "logout"};

    private final int users;
    private final Random random;

    PopulationTraffic(int users, long seed) {
        this.users = users;
        this.random = new Random(seed);
    }

    static String user(int index) {
        return "user-" + index;
    }

    /** Adds one normal hour of activity to the bucket at {@code bucketStartMs}. */
    void addHour(AnalyzerDriver driver, long bucketStartMs) {
        for (int user = 0; user < users; user++) {
            int actions = 5 + random.nextInt(11);
            for (int i = 0; i < actions; i++) {
                String action = ACTIONS[random.nextInt(ACTIONS.length)];
                addRecord(driver, bucketStartMs, user, action, 1000.0 + 100.0 * random.nextGaussian());
            }
        }
    }

    void addRecord(AnalyzerDriver driver, long bucketStartMs, int user, String action, double bytes) {
        Map<String, String> values = new HashMap<>();
        values.put("user", user(user));
        values.put("action", action);
        values.put("bytes", Double.toString(bytes));
        values.put("host", "host-" + (user % 3));
        driver.add(bucketStartMs, bucketStartMs + random.nextInt(3_600_000), values);
    }
}
