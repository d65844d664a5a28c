using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.IntegrationTests.Identity;
using OneStop.Web.Audit;
using OneStop.Web.Shared.Hosting;
using OneStop.Web.Shared.Persistence;

namespace OneStop.IntegrationTests.Audit;

public sealed class AuditTrailTests(IdentityAppFactory app) : IClassFixture<IdentityAppFactory>
{
    [Fact]
    public async Task Concurrent_appends_form_one_unbroken_chain()
    {
        var before = await HeadAsync();
        await Task.WhenAll(Enumerable.Range(0, 24).Select(async i =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IAuditTrail>()
                .AppendAsync(new AuditEvent("test.concurrent") { Subject = "item:" + i, Actor = AuditActor.System });
        }));

        // They wait in the queue until the chainer takes them, oldest first; two chainers at once take turns.
        await Task.WhenAll(ChainAsync(), ChainAsync());
        var after = await HeadAsync();
        Assert.Equal(before + 24, after);
        Assert.Equal(0, await QueuedAsync());
        await using var check = app.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<OneStopDbContext>();
        var sequences = await db.Set<AuditEntry>().OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync();
        Assert.Equal(Enumerable.Range(1, (int)after).Select(n => (long)n), sequences);
        var verification = await check.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync();
        Assert.True(verification.Valid, verification.FirstBroken?.Reason);
    }

    [Fact]
    public async Task An_append_joins_the_callers_transaction_and_leaves_pending_changes_alone()
    {
        var before = await HeadAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
            var audit = scope.ServiceProvider.GetRequiredService<IAuditTrail>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await audit.AppendAsync(new AuditEvent("test.rolled-back") { Actor = AuditActor.System });
            db.Add(new OneStop.Web.Applications.Model.ApplicationCodeCounter { UnitCode = "99999", Day = new DateOnly(2031, 1, 1), LastSequence = 1 });
            Assert.Equal(1, await db.Set<QueuedAuditEntry>().CountAsync(e => e.Action == "test.rolled-back"));
            await transaction.RollbackAsync();
            Assert.Single(db.ChangeTracker.Entries(), e => e.State == EntityState.Added);
        }

        await ChainAsync();
        Assert.Equal(before, await HeadAsync());
        await using var check = app.Services.CreateAsyncScope();
        var checkDb = check.ServiceProvider.GetRequiredService<OneStopDbContext>();
        Assert.False(await checkDb.Set<AuditEntry>().AnyAsync(e => e.Action == "test.rolled-back"));
        Assert.False(await checkDb.Set<QueuedAuditEntry>().AnyAsync(e => e.Action == "test.rolled-back"));
        Assert.True((await check.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync()).Valid);
    }

    [Fact]
    public async Task An_entry_added_to_the_context_is_written_with_the_callers_rows_and_chained_in_queue_order()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var audit = scope.ServiceProvider.GetRequiredService<IAuditTrail>();
            audit.Add(new AuditEvent("test.order") { Subject = "order:1", Actor = AuditActor.System });
            audit.Add(new AuditEvent("test.order") { Subject = "order:2", Actor = AuditActor.System });

            // Nothing is written before the caller saves.
            var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
            await using (var other = app.Services.CreateAsyncScope())
            {
                Assert.False(await other.ServiceProvider.GetRequiredService<OneStopDbContext>().Set<QueuedAuditEntry>().AnyAsync(e => e.Action == "test.order"));
            }

            await db.SaveChangesAsync();
        }

        await AppendAsync(new AuditEvent("test.order") { Subject = "order:3", Actor = AuditActor.System });
        await ChainAsync();
        await using var check = app.Services.CreateAsyncScope();
        var entries = await check.ServiceProvider.GetRequiredService<OneStopDbContext>().Set<AuditEntry>()
            .Where(e => e.Action == "test.order").OrderBy(e => e.Sequence).Select(e => e.Subject).ToListAsync();
        Assert.Equal(["order:1", "order:2", "order:3"], entries);
        var after = await VerifyAsync();
        Assert.True(after.Valid);
        Assert.Equal(0, after.Queued);
    }

    [Fact]
    public async Task Altering_deleting_or_reordering_a_row_in_the_database_is_reported()
    {
        for (var i = 0; i < 4; i++)
        {
            await AppendAsync(new AuditEvent("test.tamper") { Subject = "item:" + i, Actor = AuditActor.System, ProvinceCode = "01", UnitCode = "00004" });
        }

        await ChainAsync();

        var admin = await app.SignInOfficerAsync("quantri.hethong@onestop.example");
        var intact = await admin.GetFromJsonAsync<JsonElement>("/api/admin/audit/verify");
        Assert.True(intact.GetProperty("valid").GetBoolean());
        var target = await SequenceOfAsync("item:1");
        List<AuditEntry> original;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            original = await scope.ServiceProvider.GetRequiredService<OneStopDbContext>().Set<AuditEntry>().AsNoTracking().ToListAsync();
        }

        try
        {
            await TamperAsync(admin, target);
        }
        finally
        {
            // Put the log back as it was, for the other tests of this host.
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
            await db.Set<AuditEntry>().Where(e => e.Sequence >= target - 1 && e.Sequence <= target + 2 || e.Sequence < 0).ExecuteDeleteAsync();
            db.AddRange(original.Where(e => e.Sequence >= target - 1 && e.Sequence <= target + 2));
            await db.SaveChangesAsync();
        }

        Assert.True((await VerifyAsync()).Valid);
    }

    private async Task TamperAsync(HttpClient admin, long target)
    {

        // Altered: one field changed with SQL, as someone with database access would.
        await SqlAsync($"UPDATE audit_entries SET action = 'test.altered' WHERE sequence = {target}");
        var altered = await admin.GetFromJsonAsync<JsonElement>("/api/admin/audit/verify");
        Assert.False(altered.GetProperty("valid").GetBoolean());
        Assert.Equal(target, altered.GetProperty("firstBroken").GetProperty("sequence").GetInt64());
        Assert.Equal(1, await RunVerifyCommandAsync());
        await SqlAsync($"UPDATE audit_entries SET action = 'test.tamper' WHERE sequence = {target}");
        Assert.Equal(0, await RunVerifyCommandAsync());

        // Altered with its own hash recomputed: the next entry no longer follows it.
        await SqlAsync($"UPDATE audit_entries SET subject = 'item:forged', hash = 'f0{new string('0', 62)}' WHERE sequence = {target}");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
            var forged = await db.Set<AuditEntry>().AsNoTracking().SingleAsync(e => e.Sequence == target);
            await SqlAsync($"UPDATE audit_entries SET hash = '{AuditHash.Compute(forged)}' WHERE sequence = {target}");
        }

        Assert.Equal(target + 1, (await VerifyAsync()).FirstBroken?.Sequence);

        // Deleted: the gap is reported where it is.
        await SqlAsync($"DELETE FROM audit_entries WHERE sequence = {target + 1}");
        var deleted = await VerifyAsync();
        Assert.Equal(target + 1, deleted.FirstBroken?.Sequence);
        Assert.Contains("missing", deleted.FirstBroken!.Reason, StringComparison.Ordinal);

        // Reordered: two entries swap places.
        await SqlAsync($"UPDATE audit_entries SET sequence = -1 WHERE sequence = {target + 2}");
        await SqlAsync($"UPDATE audit_entries SET sequence = {target + 2} WHERE sequence = {target - 1}");
        await SqlAsync($"UPDATE audit_entries SET sequence = {target - 1} WHERE sequence = -1");
        var reordered = await VerifyAsync();
        Assert.Equal(target - 1, reordered.FirstBroken?.Sequence);
    }

    private async Task<AuditVerification> VerifyAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync();
    }

    private async Task<int> RunVerifyCommandAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var command = scope.ServiceProvider.GetServices<ICommand>().Single(c => c.Name == "audit-verify");
        return await command.RunAsync(scope.ServiceProvider, [], CancellationToken.None);
    }

    private async Task AppendAsync(AuditEvent auditEvent)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IAuditTrail>().AppendAsync(auditEvent);
    }

    private async Task<long> SequenceOfAsync(string subject)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        return await db.Set<AuditEntry>().Where(e => e.Subject == subject).Select(e => e.Sequence).MaxAsync();
    }

    [Fact]
    public async Task The_chaining_service_chains_queued_entries_on_its_own()
    {
        await AppendAsync(new AuditEvent("test.background") { Subject = "background:1", Actor = AuditActor.System });
        var deadline = DateTime.UtcNow.AddSeconds(30);
        bool chained;
        do
        {
            await Task.Delay(50);
            await using var scope = app.Services.CreateAsyncScope();
            chained = await scope.ServiceProvider.GetRequiredService<OneStopDbContext>().Set<AuditEntry>().AnyAsync(e => e.Subject == "background:1");
        }
        while (!chained && DateTime.UtcNow < deadline);

        Assert.True(chained, "The chaining service did not chain the queued entry.");
        Assert.True((await VerifyAsync()).Valid);
    }

    private Task<int> ChainAsync() => app.Services.GetRequiredService<AuditChainer>().ChainAllQueuedAsync();

    private async Task<int> QueuedAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OneStopDbContext>().Set<QueuedAuditEntry>().CountAsync();
    }

    private async Task<long> HeadAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
        return await db.Set<AuditChainHead>().Select(h => h.LastSequence).SingleAsync();
    }

    private async Task SqlAsync(string sql)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
#pragma warning disable EF1002 // The statements are the test's own constants.
        await db.Database.ExecuteSqlRawAsync(sql);
#pragma warning restore EF1002
    }
}
