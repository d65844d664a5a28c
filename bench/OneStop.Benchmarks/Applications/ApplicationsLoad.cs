using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OneStop.Testing;
using OneStop.Web.Applications;
using OneStop.Web.Applications.Intake;
using OneStop.Web.Applications.Model;
using OneStop.Web.Applications.Tracking;

namespace OneStop.Benchmarks.Applications;

/// <summary>
/// A load run, not a BenchmarkDotNet micro-benchmark: throughput and latency percentiles need many
/// concurrent callers. On PostgreSQL (ONESTOP_BENCH_POSTGRES, a server connection string; the run
/// makes and drops its own database), in one process and one run:
/// (a) submissions through <see cref="ApplicationIntake.SubmitAsync"/> by N concurrent submitters, against
/// a raw SQL insert of a comparable row as the baseline;
/// (b) GET /api/applications/{code}?idNumber= through the real host on Kestrel, against a bare endpoint on
/// the same Kestrel host.
/// Run: dotnet run -c Release --project bench/OneStop.Benchmarks -- applications
/// </summary>
internal static class ApplicationsLoad
{
    private const string Commune = "00004";

    public static async Task<int> RunAsync()
    {
        var server = Environment.GetEnvironmentVariable("ONESTOP_BENCH_POSTGRES");
        if (string.IsNullOrWhiteSpace(server))
        {
            Console.Error.WriteLine("Set ONESTOP_BENCH_POSTGRES to a PostgreSQL server, e.g. \"Host=127.0.0.1;Port=55432;Username=postgres\".");
            return 2;
        }

        var count = Setting("ONESTOP_BENCH_SUBMISSIONS", 5000);
        var concurrency = Setting("ONESTOP_BENCH_CONCURRENCY", 32);
        var submitters = Setting("ONESTOP_BENCH_SUBMITTERS", 16);
        var lookups = Setting("ONESTOP_BENCH_LOOKUPS", 100_000);
        var database = "onestop_bench_applications";
        // No pool size of its own: the host runs on OneStop's default pool (ADR 0080) unless ONESTOP_BENCH_POSTGRES names one.
        var connection = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        await RecreateAsync(server, database);

        Console.WriteLine($"Applications load run: {count} submissions by {submitters} concurrent submitters, {lookups} look-ups by {concurrency} concurrent HTTP clients, PostgreSQL database {database}.");
        await using var host = new BenchHost(connection);
        host.UseKestrel(0);
        host.StartServer();
        var baseAddress = host.ClientOptions.BaseAddress;

        // (a) Submissions, after a warm-up long enough for the JIT to reach its optimised tier (a server that
        // has run for minutes) and to fill the connection pool.
        var warmUp = TimeSpan.FromSeconds(Setting("ONESTOP_BENCH_WARMUP_SECONDS", 180));
        await RawInsertAsync(connection, 0, 200, submitters, create: true);
        var warmed = 0;
        var warmUpCodes = new List<(string Code, string IdNumber)>();
        await WarmUpAsync("submissions", warmUp, async () =>
        {
            warmUpCodes.AddRange((await SubmitAsync(host.Services, 500_000 + warmed, 1000, submitters)).Codes);
            warmed += 1000;
        });
        // The warm-up queued an acknowledgement and an audit entry for each of its tens of thousands of submissions,
        // more than a province receives in a day, and the longer the JIT took the more; measured while those drain,
        // the intake's tail showed the length of the warm-up rather than the intake. Its own 5,000 still queue theirs.
        await BacklogSentAsync(connection);
        var raw = await RawInsertAsync(connection, 1_000_000, count, submitters, create: false);
        Measured intake;
        var intakeStarted = DateTimeOffset.UtcNow;
        DateTimeOffset intakeEnded;
        using (var intakeAllocations = AllocationSampler.IfAsked())
        {
            intake = await SubmitAsync(host.Services, 1_000_000, count, submitters);
            intakeEnded = DateTimeOffset.UtcNow;
            if (intakeAllocations is not null)
            {
                Console.WriteLine("What the intake allocated most:");
                intakeAllocations.Print();
            }
        }

        var sentDuringIntake = await SentBetweenAsync(connection, intakeStarted, intakeEnded);
        Report("Raw SQL insert of an application row (baseline)", raw);
        Report("ApplicationIntake.SubmitAsync", intake);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Intake: the garbage collector stopped the process {intake.Collections} times, {intake.GcPaused.TotalMilliseconds:N0} ms in all ({intake.GcPaused / intake.Elapsed:P1} of the time)."));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Intake: the outbox sent {sentDuringIntake:N0} acknowledgements while it was measured (its job runs every 30 s and then sends until nothing is due)."));

        // (b) Look-ups through the real API and the bare endpoint. Warmed on a set of the warm-up's applications kept
        // for it, so that the measured applications are not in the status cache: the intake's and the warm-up's
        // others, never asked before, then asked again once the cache has let them go (see the turns below).
        var warmUpLookUps = warmUpCodes.Take(LookUpWarmUpApplications).ToArray();
        var codes = intake.Codes.Concat(warmUpCodes.Skip(warmUpLookUps.Length)).ToArray();
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(10) }) { BaseAddress = baseAddress };
        static string PathOf((string Code, string IdNumber) application) => $"/api/applications/{application.Code}?idNumber={application.IdNumber}";
        var warmUpOffset = 0;
        await WarmUpAsync("look-ups", warmUp, async () =>
        {
            await GetAsync(client, _ => BenchHost.BarePath, 1000, concurrency);
            await GetAsync(client, i => PathOf(warmUpLookUps[(warmUpOffset + (i % 500)) % warmUpLookUps.Length]), 1000, concurrency);
            warmUpOffset += 500;
            await GetAsync(client, _ => "/health/live", 1000, concurrency);
        });

        // The intake above queued its own acknowledgements and audit entries; the look-ups are measured once they are
        // done, as on a server that is not still catching up with a burst.
        await BacklogSentAsync(connection);

        // For a profiler or a long comparison: ONESTOP_BENCH_PROFILE=first (or bare, or alternate) repeats that
        // phase alone (alternate: both, turn by turn) for ONESTOP_BENCH_PROFILE_SECONDS, between two lines that say
        // when to attach, e.g. perf record -p. The applications come round again: give a status cache shorter than
        // a round (ONESTOP_BENCH_STATUS_CACHE_SECONDS) to keep them first look-ups.
        if (Environment.GetEnvironmentVariable("ONESTOP_BENCH_PROFILE") is { Length: > 0 } profiled)
        {
            var until = Stopwatch.StartNew();
            var limit = TimeSpan.FromSeconds(Setting("ONESTOP_BENCH_PROFILE_SECONDS", 30));
            Console.WriteLine($"Profile of '{profiled}' starts, process {Environment.ProcessId}.");
            var asked = 0;
            List<Measured> profiledBare = [], profiledFirst = [];
            using var profiledBatches = new BatchSizes { Listening = true };
            using var allocations = AllocationSampler.IfAsked();
            while (until.Elapsed < limit)
            {
                if (profiled is "bare" or "alternate")
                {
                    profiledBare.Add(await GetAsync(client, _ => BenchHost.BarePath, 4000, concurrency));
                }

                if (profiled is "first" or "alternate")
                {
                    var from = asked;
                    profiledFirst.Add(await GetAsync(client, i => PathOf(codes[(from + i) % codes.Length]), 4000, concurrency));
                    asked += 4000;
                }
            }

            var (pb, pf) = (Measured.Sum(profiledBare), Measured.Sum(profiledFirst));
            if (pb.Count > 0)
            {
                Report("Profile: GET bare endpoint", pb);
            }

            if (pf.Count > 0)
            {
                Report("Profile: GET /api/applications/{code}?idNumber=", pf);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Profile: {profiledBatches.LookUps / (double)pf.Count:P0} of the look-ups asked the database, {profiledBatches.Average:0.0} per query."));
            }

            allocations?.Print();
            if (pb.Count > 0 && pf.Count > 0)
            {
                Console.WriteLine($"Profile ends: look-ups vs bare endpoint {pf.PerSecond / pb.PerSecond:P1}.");
            }
            else
            {
                Console.WriteLine($"Profile of '{profiled}' ends.");
            }
        }

        // Measured in turns, so that a passing load on the machine weighs on all alike: the bare endpoint; a first
        // look-up of each application of the turn (not in the status cache: the database answers); the same
        // applications looked up again (within the cache's lifetime); OneStop's middleware alone on /health/live.
        // 20,000 first look-ups were about a second of measurement, and a passing hiccup of the machine moved the
        // ratio by several points; more applications would have made a database larger than the test server keeps
        // in memory (a province's server keeps its recent applications there). So the applications come round
        // again, each slice once the cache has let it go, which the run checks: every first look-up must reach the
        // database. Meanwhile /health/live keeps the machine busy, not measured.
        const int turns = 25;
        var perTurn = lookups / turns;
        var sliceLength = Math.Max(1, Math.Min(perTurn, codes.Length / 3));
        var slices = codes.Length / sliceLength;
        var cacheLifetime = TimeSpan.FromSeconds(host.Services.GetRequiredService<ApplicationStatusCacheOptions>().Seconds);
        var askedAt = new TimeSpan?[slices];
        var runClock = Stopwatch.StartNew();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"First look-ups: {codes.Length:N0} applications never looked up before, in {slices} slices of {sliceLength:N0}; {turns} turns, each slice again once the status cache ({cacheLifetime.TotalSeconds:0} s) has let it go."));
        List<Measured> bares = [], firsts = [], repeats = [], pipelines = [];
        using var batches = new BatchSizes();
        for (var turn = 0; turn < turns; turn++)
        {
            var slice = turn % slices;
            var ofTurn = codes.Skip(slice * sliceLength).Take(sliceLength).ToArray();
            bares.Add(await GetAsync(client, _ => BenchHost.BarePath, perTurn, concurrency));
            while (askedAt[slice] is { } asked && runClock.Elapsed < asked + cacheLifetime + TimeSpan.FromSeconds(0.5))
            {
                await GetAsync(client, _ => "/health/live", 500, concurrency);
            }

            batches.Listening = true;
            askedAt[slice] = runClock.Elapsed;
            firsts.Add(await GetAsync(client, i => PathOf(ofTurn[i]), ofTurn.Length, concurrency));
            batches.Listening = false;
            repeats.Add(await GetAsync(client, i => PathOf(ofTurn[i % ofTurn.Length]), perTurn, concurrency));
            pipelines.Add(await GetAsync(client, _ => "/health/live", perTurn, concurrency));
        }

        var bare = Measured.Sum(bares);
        var first = Measured.Sum(firsts);
        var repeated = Measured.Sum(repeats);
        var pipeline = Measured.Sum(pipelines);
        Report("GET bare endpoint (baseline)", bare);
        Report("GET /api/applications/{code}?idNumber=, first look-up of each application", first);
        Report("GET /api/applications/{code}?idNumber=, the same applications again", repeated);
        Report("GET /health/live (OneStop's middleware, no database)", pipeline);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Machine's processors busy (every process, PostgreSQL included): bare endpoint {bare.Machine.BusyShare:P0}, first look-ups {first.Machine.BusyShare:P0}, again {repeated.Machine.BusyShare:P0}, /health/live {pipeline.Machine.BusyShare:P0}; {concurrency} HTTP clients."));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"First look-ups: {batches.LookUps:N0} of {first.Count:N0} reached the database ({(batches.LookUps == first.Count ? "all, as they must" : "NOT ALL: the ratio below is not of first look-ups")}), in {batches.Queries:N0} status queries, {batches.Average:0.0} look-ups per query on average."));

        // Whether a run's ratio came from a few turns (a passing load) or from every turn (the state of the process).
        var turnRatios = firsts.Zip(bares, (f, b) => f.PerSecond / b.PerSecond).Order().ToArray();
        var bareTurns = bares.Select(b => b.PerSecond).Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Per turn, first look-ups vs bare endpoint: lowest {turnRatios[0]:P1}, median {turnRatios[turnRatios.Length / 2]:P1}, highest {turnRatios[^1]:P1}; bare endpoint {bareTurns[0]:N0}-{bareTurns[^1]:N0}/s, median {bareTurns[bareTurns.Length / 2]:N0}/s."));

        // The mix a day of the portal looks like is not known yet: both look-ups are judged on their own.
        Console.WriteLine();
        Console.WriteLine($"Intake throughput vs raw insert: {intake.PerSecond / raw.PerSecond:P0}; look-ups vs bare endpoint: first {first.PerSecond / bare.PerSecond:P1}, again {repeated.PerSecond / bare.PerSecond:P0}.");
        Console.WriteLine($"Goal submissions >= 1,000/s with p99 <= 50 ms: {(intake.PerSecond >= 1000 && intake.P99 <= 50 ? "met" : "not met")}.");
        Console.WriteLine($"Goal look-ups >= 50% of the bare endpoint: first look-ups {(first.PerSecond >= bare.PerSecond / 2 ? "met" : "not met")}, repeated look-ups {(repeated.PerSecond >= bare.PerSecond / 2 ? "met" : "not met")}.");
        await host.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await DropAsync(server, database);
        return 0;
    }

    private static readonly TimeSpan MinimumWarmUp = TimeSpan.FromSeconds(15);

    /// <summary>How many of the warm-up's applications the look-ups' warm-up asks for, again and again.</summary>
    private const int LookUpWarmUpApplications = 5000;

    /// <summary>How many acknowledgements the outbox sent between two moments.</summary>
    private static async Task<long> SentBetweenAsync(string connection, DateTimeOffset from, DateTimeOffset until)
    {
        await using var source = NpgsqlDataSource.Create(connection);
        await using var count = source.CreateCommand("SELECT count(*) FROM notification_outbox WHERE \"SentAt\" >= $1 AND \"SentAt\" < $2");
        count.Parameters.Add(new NpgsqlParameter { Value = from });
        count.Parameters.Add(new NpgsqlParameter { Value = until });
        return (long)(await count.ExecuteScalarAsync() ?? 0L);
    }

    /// <summary>
    /// Waits, at most ten minutes, until the outbox has sent every acknowledgement and the audit queue is chained,
    /// and says how long it took.
    /// </summary>
    private static async Task BacklogSentAsync(string connection)
    {
        await using var source = NpgsqlDataSource.Create(connection);
        var clock = Stopwatch.StartNew();
        (long Acknowledgements, long AuditEntries) pending;
        (long Acknowledgements, long AuditEntries) atStart = (-1, -1);
        do
        {
            await using var count = source.CreateCommand(
                "SELECT (SELECT count(*) FROM notification_outbox WHERE \"State\" = 'Pending'), (SELECT count(*) FROM audit_queue)");
            await using var reader = await count.ExecuteReaderAsync();
            await reader.ReadAsync();
            pending = (reader.GetInt64(0), reader.GetInt64(1));
            atStart = atStart.Acknowledgements < 0 ? pending : atStart;
            if (pending != (0, 0))
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }
        while (pending != (0, 0) && clock.Elapsed < TimeSpan.FromMinutes(10));

        var outcome = pending == (0, 0)
            ? "all were done"
            : string.Create(CultureInfo.InvariantCulture, $"the wait gave up with {pending.Acknowledgements:N0} and {pending.AuditEntries:N0} left");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Backlog: {atStart.Acknowledgements:N0} acknowledgements to send and {atStart.AuditEntries:N0} audit entries to chain, {clock.Elapsed.TotalSeconds:0} s until {outcome}."));
    }

    /// <summary>
    /// Repeats <paramref name="round"/> until the JIT has settled (fewer than 20 methods compiled per second over a
    /// round: a server that has run for a while) or <paramref name="limit"/> has passed; at least three rounds
    /// and <see cref="MinimumWarmUp"/>.
    /// </summary>
    private static async Task WarmUpAsync(string what, TimeSpan limit, Func<Task> round)
    {
        var clock = Stopwatch.StartNew();
        var rounds = 0;
        double compiledPerSecond;
        do
        {
            var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
            var started = clock.Elapsed;
            await round();
            rounds++;
            compiledPerSecond = (System.Runtime.JitInfo.GetCompiledMethodCount() - compiled) / Math.Max(0.001, (clock.Elapsed - started).TotalSeconds);
        }
        while ((rounds < 3 || clock.Elapsed < MinimumWarmUp || compiledPerSecond >= 20) && clock.Elapsed < limit);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Warm-up of {what}: {clock.Elapsed.TotalSeconds:0} s, {rounds} rounds; JIT at the end: {compiledPerSecond:0} methods/s."));
    }

    internal static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;

    private static void Report(string what, Measured m) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {what} | {m.Count:N0} | {m.Elapsed.TotalSeconds:0.00} s | {m.PerSecond:N0}/s | {m.P50:0.0} ms | {m.P99:0.0} ms | {m.CpuMicrosecondsPerOperation:N0} µs | {m.Allocated / Math.Max(1, m.Count):N0} B | {m.Failures} |"));

    private sealed record Measured(int Count, TimeSpan Elapsed, double P50, double P99, int Failures, TimeSpan ProcessCpu, ConcurrentBag<(string Code, string IdNumber)> Codes)
    {
        public double[] Latencies { get; init; } = [];

        /// <summary>How long the garbage collector stopped the process during the measurement, in how many collections.</summary>
        public TimeSpan GcPaused { get; init; }

        public int Collections { get; init; }

        /// <summary>Bytes allocated by this process (OneStop and the load generator) during the measurement.</summary>
        public long Allocated { get; init; }

        /// <summary>The machine's processor time during the measurement (every process, PostgreSQL included), busy and in all.</summary>
        public MachineCpu Machine { get; init; }

        /// <summary>Rounds measured in turn with other endpoints, added up as one measurement.</summary>
        public static Measured Sum(IReadOnlyList<Measured> rounds)
        {
            var latencies = rounds.SelectMany(r => r.Latencies).ToArray();
            Array.Sort(latencies);
            return new Measured(
                rounds.Sum(r => r.Count),
                TimeSpan.FromTicks(rounds.Sum(r => r.Elapsed.Ticks)),
                Percentile(latencies, 0.50),
                Percentile(latencies, 0.99),
                rounds.Sum(r => r.Failures),
                TimeSpan.FromTicks(rounds.Sum(r => r.ProcessCpu.Ticks)),
                [])
            { Latencies = latencies, Allocated = rounds.Sum(r => r.Allocated), Machine = new MachineCpu(rounds.Sum(r => r.Machine.Busy), rounds.Sum(r => r.Machine.Total)) };
        }

        public double PerSecond => Count / Elapsed.TotalSeconds;

        /// <summary>CPU time of this process (OneStop and the load generator, not PostgreSQL) per operation, in microseconds.</summary>
        public double CpuMicrosecondsPerOperation => ProcessCpu.TotalMicroseconds / Count;
    }

    /// <summary>Runs <paramref name="count"/> operations on <paramref name="concurrency"/> callers; each operation's latency is kept.</summary>
    private static async Task<Measured> MeasureAsync(int count, int concurrency, Func<int, Task<bool>> operation, ConcurrentBag<(string, string)>? codes = null)
    {
        var latencies = new double[count];
        var next = -1;
        var failures = 0;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var gcPaused = GC.GetTotalPauseDuration();
        var collections = GC.CollectionCount(0);
        var allocated = GC.GetTotalAllocatedBytes();
        var machine = MachineCpu.Now();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var started = Stopwatch.GetTimestamp();
                if (!await operation(i))
                {
                    Interlocked.Increment(ref failures);
                }

                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        })));
        clock.Stop();
        var machineUsed = MachineCpu.Now() - machine;
        var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Array.Sort(latencies);
        return new Measured(count, clock.Elapsed, Percentile(latencies, 0.50), Percentile(latencies, 0.99), failures, cpuUsed, codes ?? [])
        {
            Latencies = latencies,
            GcPaused = GC.GetTotalPauseDuration() - gcPaused,
            Collections = GC.CollectionCount(0) - collections,
            Allocated = GC.GetTotalAllocatedBytes() - allocated,
            Machine = machineUsed,
        };
    }

    /// <summary>
    /// The machine's processor time in clock ticks from <c>/proc/stat</c>: busy (everything but idle and waiting for
    /// I/O) and in all. A throughput compared with another is a capacity only when both kept the processors busy;
    /// one that leaves them idle is held back by its callers waiting, not by its cost. Zero where there is no /proc.
    /// </summary>
    internal readonly record struct MachineCpu(long Busy, long Total)
    {
        public double BusyShare => Total == 0 ? double.NaN : (double)Busy / Total;

        public static MachineCpu Now()
        {
            try
            {
                using var stat = new StreamReader("/proc/stat");
                var fields = stat.ReadLine()!.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
                var total = fields.Sum();
                return new MachineCpu(total - fields[3] - fields[4], total);
            }
            catch (IOException)
            {
                return default;
            }
            catch (UnauthorizedAccessException)
            {
                return default;
            }
        }

        public static MachineCpu operator -(MachineCpu later, MachineCpu earlier) => new(later.Busy - earlier.Busy, later.Total - earlier.Total);
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static string IdNumber(int i) => "0330" + (i % 100_000_000).ToString("00000000", CultureInfo.InvariantCulture);

    private static Task<Measured> SubmitAsync(IServiceProvider services, int first, int count, int concurrency)
    {
        var codes = new ConcurrentBag<(string, string)>();
        return MeasureAsync(count, concurrency, async i =>
        {
            var idNumber = IdNumber(first + i);
            await using var scope = services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<ApplicationIntake>().SubmitAsync(new SubmissionRequest
            {
                ProcedureCode = "1.004222",
                Channel = ApplicationChannel.Online,
                ApplicantIdNumber = idNumber,
                ApplicantName = "Nguyễn Văn Thử",
                CommuneCode = Commune,
                Email = "thu@example.vn",
                Values = new Dictionary<string, string?>
                {
                    ["personIdNumber"] = idNumber,
                    ["personFullName"] = "Nguyễn Văn Thử",
                    ["personDateOfBirth"] = "1985-03-12",
                    ["phone"] = "0912345678",
                    ["newCommune"] = Commune,
                    ["newAddress"] = "Số 12 phố Đội Cấn",
                    ["homeBasis"] = "owner",
                },
                SubmittedBy = StepActor.Citizen(idNumber, "Nguyễn Văn Thử"),
            });
            if (result.Application is { } application)
            {
                codes.Add((application.Code, idNumber));
            }

            return result.Succeeded;
        }, codes);
    }

    /// <summary>The baseline: one INSERT of a row shaped like an application (same columns' sizes, the form as JSON), autocommitted.</summary>
    private static async Task<Measured> RawInsertAsync(string connection, int first, int count, int concurrency, bool create)
    {
        await using var source = NpgsqlDataSource.Create(connection);
        if (create)
        {
            await using var table = source.CreateCommand("""
                CREATE TABLE IF NOT EXISTS bench_raw_applications (
                  id uuid PRIMARY KEY, code varchar(40) NOT NULL UNIQUE, procedure_code varchar(20) NOT NULL,
                  applicant_id_number varchar(12) NOT NULL, applicant_name varchar(200) NOT NULL, unit_code varchar(13) NOT NULL,
                  form_values text NOT NULL, state varchar(40) NOT NULL, status int NOT NULL, submitted_at timestamptz NOT NULL)
                """);
            await table.ExecuteNonQueryAsync();
        }

        const string form = """{"personIdNumber":"033000000000","personFullName":"Nguyễn Văn Thử","personDateOfBirth":"1985-03-12","phone":"0912345678","newCommune":"00004","newAddress":"Số 12 phố Đội Cấn","homeBasis":"owner"}""";
        return await MeasureAsync(count, concurrency, async i =>
        {
            await using var insert = source.CreateCommand("""
                INSERT INTO bench_raw_applications (id, code, procedure_code, applicant_id_number, applicant_name, unit_code, form_values, state, status, submitted_at)
                VALUES ($1, $2, '1.004222', $3, 'Nguyễn Văn Thử', '00004', $4, 'submitted', 1, now())
                """);
            insert.Parameters.Add(new NpgsqlParameter { Value = Guid.CreateVersion7() });
            insert.Parameters.Add(new NpgsqlParameter { Value = $"00004-raw-{first + i:0000000}" });
            insert.Parameters.Add(new NpgsqlParameter { Value = IdNumber(first + i) });
            insert.Parameters.Add(new NpgsqlParameter { Value = form });
            return await insert.ExecuteNonQueryAsync() == 1;
        });
    }

    private static Task<Measured> GetAsync(HttpClient client, Func<int, string> path, int count, int concurrency) =>
        MeasureAsync(count, concurrency, async i =>
        {
            using var response = await client.GetAsync(path(i), HttpCompletionOption.ResponseContentRead);
            return response.StatusCode == HttpStatusCode.OK;
        });

    internal static async Task RecreateAsync(string server, string database)
    {
        await DropAsync(server, database);
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString);
        await admin.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", admin);
        await create.ExecuteNonQueryAsync();
    }

    internal static async Task DropAsync(string server, string database)
    {
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>Which types the process allocates, from the runtime's allocation ticks (one about every 100 KB).</summary>
    private sealed class AllocationSampler : System.Diagnostics.Tracing.EventListener
    {
        private readonly ConcurrentDictionary<string, long> _ticks = new();

        /// <summary>A sampler when ONESTOP_BENCH_ALLOCATIONS=1, otherwise none.</summary>
        public static AllocationSampler? IfAsked() =>
            Environment.GetEnvironmentVariable("ONESTOP_BENCH_ALLOCATIONS") is "1" ? new AllocationSampler() : null;

        protected override void OnEventSourceCreated(System.Diagnostics.Tracing.EventSource source)
        {
            if (source.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(source, System.Diagnostics.Tracing.EventLevel.Verbose, (System.Diagnostics.Tracing.EventKeywords)0x1);
            }
        }

        protected override void OnEventWritten(System.Diagnostics.Tracing.EventWrittenEventArgs e)
        {
            if (e.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) == true && e.PayloadNames is { } names)
            {
                var type = e.Payload?[names.IndexOf("TypeName")] as string ?? "?";
                _ticks.AddOrUpdate(type, 1, (_, n) => n + 1);
            }
        }

        public void Print()
        {
            var total = _ticks.Values.Sum();
            foreach (var (type, n) in _ticks.OrderByDescending(t => t.Value).Take(60))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {n * 100.0 / total,5:0.0} %  {type}"));
            }
        }
    }

    /// <summary>How many look-ups each status query answered, from the application's own histogram, while listening.</summary>
    private sealed class BatchSizes : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _queries;
        private long _lookUps;

        public BatchSizes()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Name == StatusLookupQueue.BatchSizeInstrument)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<int>((_, size, _, _) =>
            {
                if (Listening)
                {
                    Interlocked.Increment(ref _queries);
                    Interlocked.Add(ref _lookUps, size);
                }
            });
            _listener.Start();
        }

        private volatile bool _listening;

        public bool Listening
        {
            get => _listening;
            set => _listening = value;
        }

        public long Queries => Interlocked.Read(ref _queries);

        public long LookUps => Interlocked.Read(ref _lookUps);

        public double Average => Queries == 0 ? 0 : (double)LookUps / Queries;

        public void Dispose() => _listener.Dispose();
    }

    /// <summary>The real host on PostgreSQL, quiet logs, limits out of the way, and a bare endpoint routed before OneStop's pipeline.</summary>
    internal sealed class BenchHost(string connection) : WebApplicationFactory<Program>
    {
        public const string BarePath = "/bench/bare";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseContentRoot(Path.Combine(Repository.Root, "src", "OneStop.Web"));
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:OneStop", connection);
            builder.UseSetting("Database:ApplyMigrationsAtStartup", "true");
            builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
            builder.UseSetting("Hosting:StartupBanner", "false");
            builder.UseSetting("RateLimiting:Api:PermitLimit", "100000000");
            builder.UseSetting("RateLimiting:PublicLookup:PermitLimit", "100000000");
            if (Environment.GetEnvironmentVariable("ONESTOP_BENCH_STATUS_CACHE_SECONDS") is { Length: > 0 } seconds)
            {
                builder.UseSetting("Applications:StatusCache:Seconds", seconds);
            }

            if (Environment.GetEnvironmentVariable("ONESTOP_BENCH_STATUS_READERS") is { Length: > 0 } readers)
            {
                builder.UseSetting("Applications:StatusLookup:Readers", readers);
            }

            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, BareEndpoint>());
        }

        private sealed class BareEndpoint : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                // Its own small router ahead of everything: Kestrel, routing and a JSON answer of the same size, nothing else.
                app.UseRouting();
                app.UseEndpoints(endpoints => endpoints.MapGet(BarePath, () => Results.Ok(new
                {
                    code = "00004-261205-0001",
                    procedureCode = "1.004222",
                    procedureName = "Đăng ký thường trú",
                    unitName = "Phường Ba Đình",
                    status = "new",
                    statusNumber = 1,
                    statusName = "Mới",
                    submittedAt = DateTimeOffset.UnixEpoch,
                    appointmentAt = DateTimeOffset.UnixEpoch,
                })));
                next(app);
            };
        }
    }
}
