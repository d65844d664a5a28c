using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OneStop.Benchmarks.Applications;
using OneStop.Web.AdministrativeUnits;
using OneStop.Web.Applications;
using OneStop.Web.Applications.Intake;
using OneStop.Web.Applications.Model;
using OneStop.Web.Overdue;
using OneStop.Web.Shared.Security;
using OneStop.Web.Workspace.Queues;

namespace OneStop.Benchmarks.Workspace;

/// <summary>
/// How long an officer waits for a page of a queue when the province has tens of thousands of open applications,
/// on PostgreSQL (ONESTOP_BENCH_POSTGRES; the run makes and drops its own database). The applications are taken in
/// through the real intake; a share is then made overdue or due within hours in SQL, as a busy month leaves them.
/// Each queue page is read through <see cref="WorkspaceQueues"/> one call after another, as one officer clicks,
/// against the baseline of the same page's rows read with one raw SQL statement in the same run.
/// Run: dotnet run -c Release --project bench/OneStop.Benchmarks -- workspace-queues
/// </summary>
internal static class WorkspaceQueuesLoad
{
    private const string Province = "33";
    private const string PoliceUnit = "33-CA";

    public static async Task<int> RunAsync()
    {
        var server = Environment.GetEnvironmentVariable("ONESTOP_BENCH_POSTGRES");
        if (string.IsNullOrWhiteSpace(server))
        {
            Console.Error.WriteLine("Set ONESTOP_BENCH_POSTGRES to a PostgreSQL connection string (a role that may create databases).");
            return 2;
        }

        var open = ApplicationsLoad.Setting("ONESTOP_BENCH_OPEN_APPLICATIONS", 50_000);
        var calls = ApplicationsLoad.Setting("ONESTOP_BENCH_QUEUE_CALLS", 30);
        const string database = "onestop_bench_workspace";
        var connection = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        await ApplicationsLoad.RecreateAsync(server, database);
        await using var host = new ApplicationsLoad.BenchHost(connection);
        var services = host.Services;

        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var communes = services.GetRequiredService<IAdministrativeUnitDirectory>().CommunesOf(Province, today)
            .Select(c => c.Code).Order(StringComparer.Ordinal).Take(20).ToArray();
        Console.WriteLine($"Workspace queues: {open:N0} open applications in province {Province} ({communes.Length} communes and the provincial police), PostgreSQL database {database}.");

        var seeding = Stopwatch.StartNew();
        await SeedAsync(services, communes, open);
        await using (var source = NpgsqlDataSource.Create(connection))
        {
            // A busy month: a twentieth overdue, a tenth due within hours, the rest as the intake set them.
            await using var move = source.CreateCommand("""
                UPDATE applications SET "DueAt" = CASE WHEN random() < 0.333 THEN now() - interval '2 days' ELSE now() + interval '3 hours' END
                WHERE random() < 0.15;
                ANALYZE applications;
                """);
            await move.ExecuteNonQueryAsync();
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Taken in through the intake in {seeding.Elapsed.TotalSeconds:0} s."));

        var administrator = new BenchOfficer([Roles.ProvinceAdministrator], Jurisdiction.OfProvince(Province), PoliceUnit);
        var policeReceptionist = new BenchOfficer([Roles.Receptionist], Jurisdiction.OfUnit(Province, PoliceUnit), PoliceUnit);
        var communeReceptionist = new BenchOfficer([Roles.Receptionist], Jurisdiction.OfCommune(Province, communes[0]), communes[0]);

        await using var raw = NpgsqlDataSource.Create(connection);
        var baseline = await TimeAsync(calls, async () =>
        {
            await using var page = raw.CreateCommand("""
                SELECT * FROM applications WHERE "ProvinceCode" = $1 AND "CompletedAt" IS NULL
                ORDER BY "DueAt", "SubmittedAt", "Code" LIMIT 101
                """);
            page.Parameters.Add(new NpgsqlParameter { Value = Province });
            await using var reader = await page.ExecuteReaderAsync();
            var rows = 0;
            while (await reader.ReadAsync())
            {
                rows++;
            }

            return rows;
        });

        Console.WriteLine();
        Console.WriteLine("| Page | Officer | Items | p50 | slowest | p50 / raw SQL page |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|");
        Row("raw SQL: 101 rows of the province's open applications, nearest due first (baseline)", "—", baseline, baseline);
        async Task QueueAsync(string label, string who, BenchOfficer officer, QueueQuery query)
        {
            var measured = await TimeAsync(calls, async () =>
            {
                await using var scope = services.CreateAsyncScope();
                var queues = ActivatorUtilities.CreateInstance<WorkspaceQueues>(scope.ServiceProvider, officer);
                return (await queues.ListAsync(query)).Items.Count;
            });
            Row(label, who, measured, baseline);
        }

        await QueueAsync("all, page 1", "province administrator", administrator, new QueueQuery(QueueNames.All, null, null, null));
        await QueueAsync("all, page 100", "province administrator", administrator, new QueueQuery(QueueNames.All, null, null, null, 100));
        await QueueAsync("overdue, page 1", "province administrator", administrator, new QueueQuery(QueueNames.Overdue, null, null, null));
        await QueueAsync("due within a working day, page 1", "province administrator", administrator, new QueueQuery(QueueNames.DueSoon, null, null, null));
        await QueueAsync("waiting for my step (none)", "province administrator", administrator, new QueueQuery(QueueNames.ToAct, null, null, null));
        await QueueAsync("waiting for my step, page 1", "provincial police receptionist", policeReceptionist, new QueueQuery(QueueNames.ToAct, null, null, null));
        await QueueAsync("to receive, the police only, page 1", "provincial police receptionist", policeReceptionist, new QueueQuery(QueueNames.ToReceive, null, PoliceUnit, null));
        await QueueAsync("to receive, page 1", "commune receptionist", communeReceptionist, new QueueQuery(QueueNames.ToReceive, null, null, null));

        var units = await TimeAsync(calls, async () =>
        {
            await using var scope = services.CreateAsyncScope();
            var queues = ActivatorUtilities.CreateInstance<WorkspaceQueues>(scope.ServiceProvider, administrator);
            return (await queues.UnitsWithOpenApplicationsAsync()).Count;
        });
        Row("the units to narrow by (the page's unit list)", "province administrator", units, baseline);

        // The overdue-reminder job runs every five minutes over the same applications.
        var firstPass = Stopwatch.StartNew();
        ReminderPass told;
        await using (var scope = services.CreateAsyncScope())
        {
            told = await scope.ServiceProvider.GetRequiredService<OverdueReminders>().RunAsync();
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Overdue reminders, first pass: {told.Considered:N0} applications read, {told.Applications:N0} told ({told.Notices:N0} notices), {firstPass.Elapsed.TotalSeconds:0.0} s."));
        Console.WriteLine();
        Console.WriteLine("| Overdue reminders | Reader | Applications read | p50 | slowest | p50 / raw SQL page |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|");
        var everyRunning = await TimeAsync(calls, async () =>
        {
            await using var all = raw.CreateCommand("""
                SELECT * FROM applications
                WHERE "CompletedAt" IS NULL AND "ClockStoppedSince" IS NULL AND "DueAt" IS NOT NULL
                  AND ("DueAt" <= now() + interval '45 days' OR "StepDueAt" <= now() + interval '45 days')
                ORDER BY "DueAt"
                """);
            await using var reader = await all.ExecuteReaderAsync();
            var rows = 0;
            while (await reader.ReadAsync())
            {
                rows++;
            }

            return rows;
        });
        Row("raw SQL: every running application due within 45 days (what a pass read until 2026-12-07)", "raw SQL", everyRunning, baseline);
        var pass = await TimeAsync(calls, async () =>
        {
            await using var scope = services.CreateAsyncScope();
            return (await scope.ServiceProvider.GetRequiredService<OverdueReminders>().RunAsync()).Considered;
        });
        Row("a pass once everyone due has been told", "the job", pass, baseline);

        await host.DisposeAsync();
        if (Environment.GetEnvironmentVariable("ONESTOP_BENCH_KEEP_DATABASE") != "1")
        {
            await ApplicationsLoad.DropAsync(server, database);
        }
        return 0;
    }

    private static async Task SeedAsync(IServiceProvider services, string[] communes, int count)
    {
        var next = -1;
        var failures = 0;
        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var idNumber = "0339" + i.ToString("00000000", CultureInfo.InvariantCulture);
                var commune = communes[i % communes.Length];
                var police = i % 7 == 3;
                await using var scope = services.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<ApplicationIntake>().SubmitAsync(new SubmissionRequest
                {
                    ProcedureCode = police ? "3.000333" : "1.004222",
                    Channel = ApplicationChannel.Online,
                    ApplicantIdNumber = idNumber,
                    ApplicantName = "Nguyễn Văn Thử",
                    CommuneCode = commune,
                    Values = police
                        ? new Dictionary<string, string?>
                        {
                            ["certificateType"] = "1",
                            ["applyingForSelf"] = "yes",
                            ["copies"] = "1",
                            ["purpose"] = "Bổ sung hồ sơ xin việc",
                            ["personIdNumber"] = idNumber,
                            ["personFullName"] = "Nguyễn Văn Thử",
                            ["personDateOfBirth"] = "1985-03-12",
                            ["personSex"] = "male",
                            ["personPermanentResidence"] = commune,
                            ["livedElsewhere"] = "no",
                            ["phone"] = "0912345678",
                        }
                        : new Dictionary<string, string?>
                        {
                            ["personIdNumber"] = idNumber,
                            ["personFullName"] = "Nguyễn Văn Thử",
                            ["personDateOfBirth"] = "1985-03-12",
                            ["phone"] = "0912345678",
                            ["newCommune"] = commune,
                            ["newAddress"] = "Số 12 phố Nguyễn Văn Linh",
                            ["homeBasis"] = "owner",
                        },
                    SubmittedBy = StepActor.Citizen(idNumber, "Nguyễn Văn Thử"),
                });
                if (!result.Succeeded)
                {
                    if (Interlocked.Increment(ref failures) == 1)
                    {
                        Console.Error.WriteLine("A submission was refused: " + string.Join("; ", result.Errors.Select(e => e.FieldKey + ": " + e.Message.En)));
                    }
                }
            }
        })));

        if (failures > 0)
        {
            throw new InvalidOperationException($"{failures} of {count} submissions were refused.");
        }
    }

    private sealed record Timing(int Items, double P50, double Slowest);

    /// <summary>Five calls to warm up, then <paramref name="calls"/> one after another.</summary>
    private static async Task<Timing> TimeAsync(int calls, Func<Task<int>> call)
    {
        for (var i = 0; i < 5; i++)
        {
            await call();
        }

        var times = new double[calls];
        var items = 0;
        for (var i = 0; i < calls; i++)
        {
            var started = Stopwatch.GetTimestamp();
            items = await call();
            times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        Array.Sort(times);
        return new Timing(items, times[calls / 2], times[^1]);
    }

    private static void Row(string page, string officer, Timing measured, Timing baseline) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {page} | {officer} | {measured.Items:N0} | {measured.P50:0.0} ms | {measured.Slowest:0.0} ms | {measured.P50 / baseline.P50:0.0}× |"));

    /// <summary>A signed-in officer as the workspace sees one: roles, jurisdiction, unit.</summary>
    private sealed class BenchOfficer(IReadOnlyList<string> roles, Jurisdiction jurisdiction, string unitCode) : ICurrentOfficer
    {
        public bool IsOfficer => true;

        public string? Id => "bench-" + unitCode;

        public string? FullName => "Cán bộ thử";

        public string? ProvinceCode => Province;

        public string? UnitCode => unitCode;

        public IReadOnlyList<string> Roles => roles;

        public Jurisdiction Jurisdiction => jurisdiction;

        public bool IsInRole(string role) => roles.Contains(role);
    }
}
