package io.vigil.analytics;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The distribution of a series' locations for the {@code lat_long} function: a decayed mixture of up to
 * {@value #MAX_CLUSTERS} circular Gaussian clusters on the sphere, learned online. A new location joins the
 * cluster it is most likely under when it lies within 3 standard deviations of it. Otherwise it starts a cluster,
 * and when there are too many clusters the two closest merge.
 *
 * <p>The probability of a location is the mixture's chance of a location farther out in its own cluster than this
 * one, {@code sum_k w_k exp(-d_k^2 / 2 s_k^2)} for a 2-D Gaussian, plus a uniform pseudo-weight for places never
 * seen. {@code typical} is the centre of the cluster the location is most likely under.
 */
public final class GeoDistribution {

    static final byte STATE_VERSION = 1;

    static final int MAX_CLUSTERS = 16;

    /** The smallest cluster standard deviation, in kilometres, so a single place still has a spread. */
    static final double MIN_SIGMA_KM = 10.0;

    /**
     * Weight of locations never seen, which bounds the probability of a far location from below. It is small
     * because each cluster already spreads over at least {@link #MIN_SIGMA_KM}: a payment on another continent
     * should be very unlikely.
     */
    private static final double UNIFORM_WEIGHT = 1e-5;

    /** The weight needed before locations are judged; below it every location has probability 1. */
    private static final double MIN_WEIGHT = 5.0;

    private final long bucketSpanMs;
    private final double decayRate;
    private final List<Cluster> clusters = new ArrayList<>();
    private long lastLearnedMs = Long.MIN_VALUE;

    /** One cluster: its weight, weighted sum of unit vectors and weighted sum of squared distances (km²). */
    private static final class Cluster {
        double weight;
        final double[] vectorSum = new double[3];
        double squaredDistanceSum;

        GeoPoint center() {
            return GeoPoint.ofVector(vectorSum);
        }

        double sigmaKm() {
            double variance = weight > 0.0 ? squaredDistanceSum / weight / 2.0 : 0.0;
            return Math.max(Math.sqrt(variance), MIN_SIGMA_KM);
        }

        /** Returns the log density of {@code point} under the cluster up to a shared constant, weight included. */
        double logLikelihood(GeoPoint point) {
            double sigma = sigmaKm();
            double distance = center().distanceKm(point);
            return Math.log(weight) - 2.0 * Math.log(sigma) - distance * distance / (2.0 * sigma * sigma);
        }
    }

    /** The judgement of one location. */
    public record GeoAssessment(double probability, GeoPoint typical, double distanceKm) {}

    public GeoDistribution(long bucketSpanSeconds) {
        this(bucketSpanSeconds * 1000L, DistributionDecay.perBucket(bucketSpanSeconds));
    }

    private GeoDistribution(long bucketSpanMs, double decayRate) {
        this.bucketSpanMs = bucketSpanMs;
        this.decayRate = decayRate;
    }

    /** Judges {@code point} without learning it. */
    public GeoAssessment assess(GeoPoint point) {
        if (clusters.isEmpty()) {
            return new GeoAssessment(1.0, point, 0.0);
        }
        Cluster likeliest = likeliest(point);
        GeoPoint typical = likeliest.center();
        double total = UNIFORM_WEIGHT;
        double tail = UNIFORM_WEIGHT;
        for (Cluster cluster : clusters) {
            double sigma = cluster.sigmaKm();
            double distance = cluster.center().distanceKm(point);
            total += cluster.weight;
            tail += cluster.weight * Math.exp(-distance * distance / (2.0 * sigma * sigma));
        }
        double probability = total - UNIFORM_WEIGHT < MIN_WEIGHT ? 1.0 : Math.min(tail / total, 1.0);
        return new GeoAssessment(Math.max(probability, Double.MIN_NORMAL), typical, typical.distanceKm(point));
    }

    /** Learns the location of a finished bucket. */
    public void learn(long bucketStartMs, GeoPoint point) {
        double factor = DistributionDecay.factor(lastLearnedMs, bucketStartMs, bucketSpanMs, decayRate);
        if (factor < 1.0) {
            for (Cluster cluster : clusters) {
                cluster.weight *= factor;
                cluster.squaredDistanceSum *= factor;
                for (int i = 0; i < 3; i++) {
                    cluster.vectorSum[i] *= factor;
                }
            }
        }
        lastLearnedMs = Math.max(lastLearnedMs, bucketStartMs);

        Cluster target = clusters.isEmpty() ? null : likeliest(point);
        if (target != null) {
            double distance = target.center().distanceKm(point);
            if (distance > 3.0 * target.sigmaKm()) {
                target = null;
            }
        }
        if (target == null) {
            target = new Cluster();
            clusters.add(target);
        }

        double distance = target.weight > 0.0 ? target.center().distanceKm(point) : 0.0;
        double[] vector = point.unitVector();
        target.weight += 1.0;
        target.squaredDistanceSum += distance * distance;
        for (int i = 0; i < 3; i++) {
            target.vectorSum[i] += vector[i];
        }
        if (clusters.size() > MAX_CLUSTERS) {
            mergeClosest();
        }
    }

    private Cluster likeliest(GeoPoint point) {
        Cluster best = clusters.get(0);
        double bestLog = best.logLikelihood(point);
        for (int i = 1; i < clusters.size(); i++) {
            double log = clusters.get(i).logLikelihood(point);
            if (log > bestLog) {
                best = clusters.get(i);
                bestLog = log;
            }
        }
        return best;
    }

    private void mergeClosest() {
        int first = 0;
        int second = 1;
        double closest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < clusters.size(); i++) {
            for (int j = i + 1; j < clusters.size(); j++) {
                double distance =
                        clusters.get(i).center().distanceKm(clusters.get(j).center());
                if (distance < closest) {
                    closest = distance;
                    first = i;
                    second = j;
                }
            }
        }
        Cluster a = clusters.get(first);
        Cluster b = clusters.remove(second);
        double total = a.weight + b.weight;
        // Squared distances about the merged centre: each part's own spread plus its offset from the new centre.
        a.squaredDistanceSum += b.squaredDistanceSum + a.weight * b.weight / total * closest * closest;
        for (int i = 0; i < 3; i++) {
            a.vectorSum[i] += b.vectorSum[i];
        }
        a.weight = total;
    }

    public long memoryBytes() {
        return 64L + 80L * clusters.size();
    }

    public void writeTo(DataOutput out) throws IOException {
        out.writeByte(STATE_VERSION);
        out.writeLong(bucketSpanMs);
        out.writeDouble(decayRate);
        out.writeLong(lastLearnedMs);
        out.writeInt(clusters.size());
        for (Cluster cluster : clusters) {
            out.writeDouble(cluster.weight);
            out.writeDouble(cluster.squaredDistanceSum);
            for (double component : cluster.vectorSum) {
                out.writeDouble(component);
            }
        }
    }

    /** Reads a distribution written by {@link #writeTo}. */
    public static GeoDistribution read(DataInput in) throws IOException {
        byte version = in.readByte();
        if (version != STATE_VERSION) {
            throw new IOException("location model state version " + version + " is not supported; expected "
                    + STATE_VERSION + ". Restore a snapshot written by this version.");
        }
        GeoDistribution model = new GeoDistribution(in.readLong(), in.readDouble());
        model.lastLearnedMs = in.readLong();
        int count = in.readInt();
        if (count < 0 || count > MAX_CLUSTERS) {
            throw new IOException("location model state has " + count + " clusters; the state is corrupt");
        }
        for (int i = 0; i < count; i++) {
            Cluster cluster = new Cluster();
            cluster.weight = in.readDouble();
            cluster.squaredDistanceSum = in.readDouble();
            for (int j = 0; j < 3; j++) {
                cluster.vectorSum[j] = in.readDouble();
            }
            model.clusters.add(cluster);
        }
        return model;
    }
}
