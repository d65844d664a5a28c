using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.IntegrationTests.Infrastructure;
using OneStop.Web.Applications;
using OneStop.Web.Applications.Intake;
using OneStop.Web.Applications.Model;
using OneStop.Web.Applications.Persistence;
using OneStop.Web.Notifications;
using OneStop.Web.Shared.Persistence;
using OneStop.Web.Signing;

namespace OneStop.IntegrationTests.Applications;

/// <summary>Intake and the journal through the real host's services and database.</summary>
public sealed class ApplicationJournalTests(OneStopAppFactory app) : IClassFixture<OneStopAppFactory>
{
    private async Task<SubmissionResult> SubmitAsync(string procedure, string commune = SampleAnswers.BaDinh, string? key = null, Dictionary<string, string?>? values = null, string idNumber = "033085001234")
    {
        await using var scope = app.Services.CreateAsyncScope();
        var intake = scope.ServiceProvider.GetRequiredService<ApplicationIntake>();
        return await intake.SubmitAsync(new SubmissionRequest
        {
            ProcedureCode = procedure,
            Channel = ApplicationChannel.Online,
            ApplicantIdNumber = idNumber,
            ApplicantName = "Nguyễn Văn An",
            CommuneCode = commune,
            Email = "an@example.vn",
            Values = values ?? SampleAnswers.For(procedure, idNumber, commune: commune),
            SubmissionKey = key,
            SubmittedBy = StepActor.Citizen(idNumber, "Nguyễn Văn An"),
        });
    }

    [Fact]
    public async Task A_submission_gets_a_national_code_a_due_moment_its_first_event_and_an_acknowledgement()
    {
        var result = await SubmitAsync(SampleAnswers.PermanentResidence);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message.En)));
        var application = result.Application!;
        Assert.Matches(@"^00004-\d{6}-\d{4}$", application.Code);
        Assert.Equal("01", application.ProvinceCode);
        Assert.Equal("00004", application.UnitCode);
        Assert.Equal(ApplicationStatus.New, application.Status);
        Assert.NotNull(application.DueAt);
        Assert.True(application.DueAt > application.SubmittedAt.AddDays(7), "Seven working days last more than seven calendar days.");

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var events = await db.ApplicationEvents.Where(e => e.ApplicationId == application.Id).ToListAsync();
        Assert.Equal("submit", Assert.Single(events).Action);
        var acknowledgement = Assert.Single(await db.Notifications.Where(n => n.Reference == application.Code).ToListAsync());

        // It says where to follow the application: the applicant's own page, and the public look-up for anyone with the ID number.
        var publicBaseUrl = app.Services.GetRequiredService<SigningOptions>().PublicBaseUrl;
        Assert.Contains($"{publicBaseUrl}/my-applications/{application.Code} ", acknowledgement.Body, StringComparison.Ordinal);
        Assert.Contains($"{publicBaseUrl}/applications/lookup?code={application.Code} ", acknowledgement.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_submission_key_gives_the_same_application_and_writes_nothing_more()
    {
        var key = Guid.NewGuid().ToString();
        var first = await SubmitAsync(SampleAnswers.PermanentResidence, key: key, idNumber: "033188004321");
        var second = await SubmitAsync(SampleAnswers.PermanentResidence, key: key, idNumber: "033188004321");

        Assert.True(first.Succeeded, string.Join("; ", first.Errors.Select(e => e.FieldKey + ": " + e.Message.En)));
        Assert.False(first.Repeated);
        Assert.True(second.Repeated);
        Assert.Equal(first.Application!.Code, second.Application!.Code);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        Assert.Equal(1, await db.Applications.CountAsync(a => a.SubmissionKey == key));
    }

    [Fact]
    public async Task Bad_answers_are_refused_field_by_field_and_nothing_is_written()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var before = await db.Applications.CountAsync();
        var values = SampleAnswers.For(SampleAnswers.PermanentResidence);
        values["personIdNumber"] = "12345";
        values.Remove("newAddress");

        var result = await SubmitAsync(SampleAnswers.PermanentResidence, commune: "99999", values: values);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.FieldKey == "personIdNumber");
        Assert.Contains(result.Errors, e => e.FieldKey == "newAddress");
        Assert.Contains(result.Errors, e => e.FieldKey == "communeCode");
        Assert.All(result.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message.Vi)));
        Assert.Equal(before, await db.Applications.CountAsync());
    }

    [Fact]
    public async Task A_province_level_procedure_goes_to_the_provinces_department()
    {
        var result = await SubmitAsync(SampleAnswers.CriminalRecord, commune: SampleAnswers.PhoHien, idNumber: "033090005678");

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message.En)));
        Assert.Equal("33-CA", result.Application!.UnitCode);
        Assert.StartsWith("33-CA-", result.Application.Code, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_step_repeated_with_its_key_changes_nothing_and_a_stale_copy_loses()
    {
        var application = (await SubmitAsync(SampleAnswers.PermanentResidence, idNumber: "001089003456")).Application!;

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
            var journal = scope.ServiceProvider.GetRequiredService<ApplicationJournal>();
            var loaded = await db.Applications.SingleAsync(a => a.Id == application.Id);
            var step = new ApplicationStep("receive", "received", StepActor.Officer("o1", "Nguyễn Thị Lan", "receptionist", "00004")) { RequestKey = "receive-1" };
            Assert.Equal(StepOutcome.Done, await journal.RecordAsync(loaded, step));
            Assert.Equal(StepOutcome.AlreadyDone, await journal.RecordAsync(loaded, step));
            Assert.Equal(ApplicationStatus.Received, loaded.Status);
            Assert.NotNull(loaded.ReceivedAt);
        }

        // Two officers loaded the application at once; the second to write loses and nothing of it is kept.
        await using var first = app.Services.CreateAsyncScope();
        await using var second = app.Services.CreateAsyncScope();
        var firstCopy = await first.ServiceProvider.GetRequiredService<OneStopDbContext>().Applications.SingleAsync(a => a.Id == application.Id);
        var secondCopy = await second.ServiceProvider.GetRequiredService<OneStopDbContext>().Applications.SingleAsync(a => a.Id == application.Id);
        var officer = StepActor.Officer("o2", "Trần Văn Minh", "specialist", "00004");
        Assert.Equal(StepOutcome.Done, await first.ServiceProvider.GetRequiredService<ApplicationJournal>()
            .RecordAsync(firstCopy, new ApplicationStep("verify", "verifying", officer)));
        Assert.Equal(StepOutcome.Conflict, await second.ServiceProvider.GetRequiredService<ApplicationJournal>()
            .RecordAsync(secondCopy, new ApplicationStep("request-supplement", "supplement-requested", officer) { StopsClock = true }));

        await using var check = app.Services.CreateAsyncScope();
        var db2 = check.ServiceProvider.GetRequiredService<OneStopDbContext>();
        Assert.Equal("verifying", (await db2.Applications.SingleAsync(a => a.Id == application.Id)).State);
        Assert.Equal(3, await db2.ApplicationEvents.CountAsync(e => e.ApplicationId == application.Id));
    }

    [Fact]
    public async Task A_step_the_database_refuses_for_another_reason_than_a_race_is_an_error_not_a_conflict()
    {
        var application = (await SubmitAsync(SampleAnswers.PermanentResidence, idNumber: "033085006101")).Application!;

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
            var journal = scope.ServiceProvider.GetRequiredService<ApplicationJournal>();
            var loaded = await db.Applications.SingleAsync(a => a.Id == application.Id);
            // The answers lost, as a bug would lose them: the NOT NULL constraint refuses the step.
            var step = new ApplicationStep("receive", "received", StepActor.Officer("o1", "Nguyễn Thị Lan", "receptionist", "00004"))
            {
                RequestKey = "receive-broken",
                Changes = a => a.FormValuesJson = null!,
            };

            var failure = await Assert.ThrowsAsync<DbUpdateException>(() => journal.RecordAsync(loaded, step));
            Assert.IsNotType<DbUpdateConcurrencyException>(failure);
            Assert.False(DatabaseErrors.IsUniqueViolation(failure));
        }

        await using var check = app.Services.CreateAsyncScope();
        var stored = check.ServiceProvider.GetRequiredService<OneStopDbContext>();
        Assert.Equal("submitted", (await stored.Applications.SingleAsync(a => a.Id == application.Id)).State);
        Assert.Equal(1, await stored.ApplicationEvents.CountAsync(e => e.ApplicationId == application.Id));
    }

    [PostgresFact("SQLite keeps a text of any length whatever the column's declared size; only PostgreSQL refuses one too long.")]
    public async Task A_note_longer_than_the_journal_keeps_is_an_error_not_a_conflict()
    {
        var application = (await SubmitAsync(SampleAnswers.PermanentResidence, idNumber: "033085006102")).Application!;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var journal = scope.ServiceProvider.GetRequiredService<ApplicationJournal>();
        var loaded = await db.Applications.SingleAsync(a => a.Id == application.Id);
        var step = new ApplicationStep("receive", "received", StepActor.Officer("o1", "Nguyễn Thị Lan", "receptionist", "00004"))
        {
            RequestKey = "receive-long-note",
            Note = new string('x', ApplicationColumns.Note + 1),
        };

        var failure = await Assert.ThrowsAsync<DbUpdateException>(() => journal.RecordAsync(loaded, step));

        Assert.Equal(Npgsql.PostgresErrorCodes.StringDataRightTruncation, Assert.IsType<Npgsql.PostgresException>(failure.InnerException).SqlState);
    }

    [Fact]
    public async Task A_submission_that_loses_the_race_for_its_key_answers_with_the_winners_application()
    {
        const string idNumber = "033085006103";
        var key = Guid.NewGuid().ToString();
        SubmissionResult? winner = null;
        await using var scope = app.Services.CreateAsyncScope();
        var intake = scope.ServiceProvider.GetRequiredService<ApplicationIntake>();
        var request = new SubmissionRequest
        {
            ProcedureCode = SampleAnswers.PermanentResidence,
            Channel = ApplicationChannel.Online,
            ApplicantIdNumber = idNumber,
            ApplicantName = "Nguyễn Văn An",
            CommuneCode = SampleAnswers.BaDinh,
            Values = SampleAnswers.For(SampleAnswers.PermanentResidence, idNumber),
            SubmissionKey = key,
            SubmittedBy = StepActor.Citizen(idNumber, "Nguyễn Văn An"),
            // Past this one's check for an earlier submission with the key, another click submits and wins.
            AlsoWrite = _ =>
            {
                winner = Task.Run(() => SubmitAsync(SampleAnswers.PermanentResidence, key: key, idNumber: idNumber)).GetAwaiter().GetResult();
                return [];
            },
        };

        var loser = await intake.SubmitAsync(request);

        Assert.False(winner!.Repeated);
        Assert.True(loser.Repeated);
        Assert.Equal(winner.Application!.Code, loser.Application!.Code);
        await using var check = app.Services.CreateAsyncScope();
        Assert.Equal(1, await check.ServiceProvider.GetRequiredService<OneStopDbContext>().Applications.CountAsync(a => a.SubmissionKey == key));
    }

    [Fact]
    public async Task A_step_repeated_while_its_first_run_is_being_written_is_already_done()
    {
        var application = (await SubmitAsync(SampleAnswers.PermanentResidence, idNumber: "033085006104")).Application!;
        var officer = StepActor.Officer("o1", "Nguyễn Thị Lan", "receptionist", "00004");
        StepOutcome? first = null;

        await using var second = app.Services.CreateAsyncScope();
        var copy = await second.ServiceProvider.GetRequiredService<OneStopDbContext>().Applications.SingleAsync(a => a.Id == application.Id);
        // The repeat has found no event with its key; before it writes, the first run records the step.
        var repeat = new ApplicationStep("receive", "received", officer)
        {
            RequestKey = "receive-twice",
            Changes = _ => first = Task.Run(async () =>
            {
                await using var scope = app.Services.CreateAsyncScope();
                var loaded = await scope.ServiceProvider.GetRequiredService<OneStopDbContext>().Applications.SingleAsync(a => a.Id == application.Id);
                return await scope.ServiceProvider.GetRequiredService<ApplicationJournal>()
                    .RecordAsync(loaded, new ApplicationStep("receive", "received", officer) { RequestKey = "receive-twice" });
            }).GetAwaiter().GetResult(),
        };

        var outcome = await second.ServiceProvider.GetRequiredService<ApplicationJournal>().RecordAsync(copy, repeat);

        Assert.Equal(StepOutcome.Done, first);
        Assert.Equal(StepOutcome.AlreadyDone, outcome);
        await using var check = app.Services.CreateAsyncScope();
        Assert.Equal(2, await check.ServiceProvider.GetRequiredService<OneStopDbContext>().ApplicationEvents.CountAsync(e => e.ApplicationId == application.Id));
    }

    [Fact]
    public async Task The_clock_stops_while_the_citizen_is_asked_for_more_and_the_due_moment_moves_when_it_resumes()
    {
        var application = (await SubmitAsync(SampleAnswers.PermanentResidence, idNumber: "033155000888")).Application!;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var journal = scope.ServiceProvider.GetRequiredService<ApplicationJournal>();
        var loaded = await db.Applications.SingleAsync(a => a.Id == application.Id);
        var dueBefore = loaded.DueAt!.Value;

        await journal.RecordAsync(loaded, new ApplicationStep("request-supplement", "supplement-requested", StepActor.Officer("o1", null, "receptionist", "00004")) { StopsClock = true });
        Assert.Null(loaded.DueAt);
        Assert.NotNull(loaded.ClockStoppedSince);
        Assert.Equal(ApplicationStatus.SupplementRequested, loaded.Status);

        await journal.RecordAsync(loaded, new ApplicationStep("supply-supplement", "submitted", StepActor.Citizen("033155000888", null)));
        Assert.Null(loaded.ClockStoppedSince);
        Assert.NotNull(loaded.DueAt);
        Assert.True(loaded.DueAt >= dueBefore);
        Assert.Contains("\"From\"", loaded.ClockStopsJson, StringComparison.Ordinal);
    }
}
