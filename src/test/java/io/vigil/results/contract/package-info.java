/**
 * The examples of Elasticsearch's YAML REST tests for the results endpoints (get buckets, get records, get
 * influencers), each as a test class with its own job, whose fixtures are loaded through {@code results/_import}.
 *
 * <p>Some examples of the same test suites cannot apply to a single service without datafeeds, and have no test:
 * <ul>
 * <li>Lazy open of a job too large for the cluster: Vigil runs every job in one service process, so there is no
 * node to wait for and no {@code opening} state that lasts.</li>
 * <li>Deleting a job that a datafeed references: Vigil has no datafeeds; data arrives through {@code _data}.</li>
 * <li>The {@code allow_no_jobs} parameter under REST compatibility with 7.x: Vigil implements the 8.x API, which
 * removed it, and has no compatibility mode.</li>
 * <li>Reading legacy 5.4 data-counts and model-size-stats documents: Vigil stores them in its own tables and never
 * had that document format.</li>
 * <li>Job stats after the results index was deleted: results live in PostgreSQL tables that cannot be deleted
 * through the API.</li>
 * </ul>
 */
package io.vigil.results.contract;
