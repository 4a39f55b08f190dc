package io.vigil.engine;

/**
 * How much one influencer value explains a record, in [0, 1].
 *
 * @param fieldIndex the position of the influencer field in the job's {@code influencers}
 */
record InfluenceWeight(int fieldIndex, String value, double weight) {}
