package io.vigil.bench;

/** Command-line options of {@code bin/vigil-bench records-query}. */
record BenchOptions(
        String url,
        String job,
        int port,
        long records,
        long seed,
        int clients,
        int seconds,
        int warmupSeconds,
        boolean load,
        boolean help) {

    static final String USAGE = """
            Usage: bin/vigil-bench records-query [OPTIONS]
            Loads a job with synthetic anomaly records through results/_import, then measures GET
            .../results/records?size=100 (first page by record_score, with its exact count) from concurrent clients.
              --url URL        use the service at URL instead of starting one on a temporary embedded PostgreSQL
              --job NAME       job to load and query (default bench-records-query)
              --port N         port of the service this command starts (default 0: any free port)
              --records N      records to load (default 1000000)
              --seed N         seed of the synthetic records (default 42)
              --clients N      concurrent HTTP clients (default 16)
              --seconds N      measured interval in seconds (default 30)
              --warmup N       unmeasured interval before it in seconds (default 5)
              --no-load        query the job as it is, without creating and loading it (with --url)
            """;

    static BenchOptions parse(String[] args) {
        String url = null;
        String job = "bench-records-query";
        int port = 0;
        long records = 1_000_000;
        long seed = 42;
        int clients = 16;
        int seconds = 30;
        int warmup = 5;
        boolean load = true;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = value(args, ++i);
                case "--job" -> job = value(args, ++i);
                case "--port" -> port = Integer.parseInt(value(args, ++i));
                case "--records" -> records = Long.parseLong(value(args, ++i));
                case "--seed" -> seed = Long.parseLong(value(args, ++i));
                case "--clients" -> clients = Integer.parseInt(value(args, ++i));
                case "--seconds" -> seconds = Integer.parseInt(value(args, ++i));
                case "--warmup" -> warmup = Integer.parseInt(value(args, ++i));
                case "--no-load" -> load = false;
                case "--help", "-h" -> help = true;
                default -> throw new IllegalArgumentException("Unknown option [" + args[i] + "]\n" + USAGE);
            }
        }
        if (!load && url == null) {
            throw new IllegalArgumentException("--no-load needs --url, because a started service is empty");
        }
        return new BenchOptions(url, job, port, records, seed, clients, seconds, warmup, load, help);
    }

    private static String value(String[] args, int index) {
        if (index >= args.length) {
            throw new IllegalArgumentException("Option [" + args[index - 1] + "] needs a value\n" + USAGE);
        }
        return args[index];
    }
}
