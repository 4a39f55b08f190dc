package io.vigil.analytics;

import java.util.Locale;

/** A location in degrees of latitude and longitude, parsed from and written as {@code "lat,lon"}. */
public record GeoPoint(double latitude, double longitude) {

    /** The mean Earth radius in kilometres (IUGG mean radius R1). */
    static final double EARTH_RADIUS_KM = 6371.0088;

    /**
     * Parses {@code "lat,lon"}, or returns null when the text is not two finite numbers with a latitude in
     * [-90, 90] and a longitude in [-180, 180].
     */
    public static GeoPoint parse(String text) {
        if (text == null) {
            return null;
        }
        int comma = text.indexOf(',');
        if (comma < 0 || text.indexOf(',', comma + 1) >= 0) {
            return null;
        }
        try {
            double latitude = Double.parseDouble(text.substring(0, comma).trim());
            double longitude = Double.parseDouble(text.substring(comma + 1).trim());
            if (!(Math.abs(latitude) <= 90.0) || !(Math.abs(longitude) <= 180.0)) {
                return null;
            }
            return new GeoPoint(latitude, longitude);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Returns the point as a unit vector from the Earth's centre. */
    public double[] unitVector() {
        double lat = Math.toRadians(latitude);
        double lon = Math.toRadians(longitude);
        return new double[] {Math.cos(lat) * Math.cos(lon), Math.cos(lat) * Math.sin(lon), Math.sin(lat)};
    }

    /** Returns the point in the direction of {@code vector}, which need not have unit length. */
    public static GeoPoint ofVector(double[] vector) {
        double horizontal = Math.hypot(vector[0], vector[1]);
        return new GeoPoint(
                Math.toDegrees(Math.atan2(vector[2], horizontal)), Math.toDegrees(Math.atan2(vector[1], vector[0])));
    }

    /** Returns the great-circle distance to {@code other} in kilometres (haversine formula). */
    public double distanceKm(GeoPoint other) {
        double dLat = Math.toRadians(other.latitude - latitude);
        double dLon = Math.toRadians(other.longitude - longitude);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(latitude))
                        * Math.cos(Math.toRadians(other.latitude))
                        * Math.sin(dLon / 2)
                        * Math.sin(dLon / 2);
        return 2.0 * EARTH_RADIUS_KM * Math.asin(Math.min(1.0, Math.sqrt(a)));
    }

    /** Returns {@code "lat,lon"} as written in {@code geo_results}. */
    @Override
    public String toString() {
        return format(latitude) + "," + format(longitude);
    }

    private static String format(double degrees) {
        String text = String.format(Locale.ROOT, "%.6f", degrees);
        text = text.contains(".") ? text.replaceAll("0+$", "") : text;
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }
}
