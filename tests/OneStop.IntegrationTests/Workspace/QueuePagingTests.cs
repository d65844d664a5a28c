using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.IntegrationTests.Applications;
using OneStop.Web.Applications.Persistence;
using OneStop.Web.Shared.Persistence;
using OneStop.Web.Workspace.Queues;
using static OneStop.IntegrationTests.Workspace.WorkspaceAppFactory;

namespace OneStop.IntegrationTests.Workspace;

/// <summary>A queue longer than a page: the most urgent application first, whatever order it arrived in, and every one reachable.</summary>
public sealed class QueuePagingTests(WorkspaceAppFactory app) : IClassFixture<WorkspaceAppFactory>
{
    private const int Submitted = WorkspaceQueues.PageSize + 5;

    [Fact]
    public async Task The_most_overdue_application_leads_the_first_page_and_the_second_page_holds_the_rest()
    {
        var codes = new List<string>();
        for (var i = 0; i < Submitted; i++)
        {
            var idNumber = "0331" + i.ToString("00000000", CultureInfo.InvariantCulture);
            codes.Add((await app.SubmitAsync(SampleAnswers.PermanentResidence, SampleAnswers.BaDinh, idNumber, "Người Nộp " + i)).Code);
        }

        // The last to arrive is the one most overdue: a list cut at its first rows in arrival order would lose it.
        var mostUrgent = codes[^1];
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
            var late = await db.Applications.SingleAsync(a => a.Code == mostUrgent);
            late.DueAt = DateTimeOffset.UtcNow.AddDays(-3);
            await db.SaveChangesAsync();
        }

        var receptionist = await app.OfficerAsync(Officers.BaDinhReceptionist);
        foreach (var queue in new[] { QueueNames.All, QueueNames.ToReceive, QueueNames.ToAct })
        {
            var first = await receptionist.GetAsync($"/api/workspace/applications?queue={queue}");
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            var firstItems = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement.EnumerateArray().ToList();
            Assert.Equal(WorkspaceQueues.PageSize, firstItems.Count);
            Assert.Equal(mostUrgent, firstItems[0].GetProperty("code").GetString());
            Assert.True(firstItems[0].GetProperty("overdue").GetBoolean(), queue);
            var dues = firstItems.Select(i => i.GetProperty("dueAt").GetDateTimeOffset()).ToList();
            Assert.Equal(dues.Order(), dues);
            var link = string.Join(",", first.Headers.GetValues("Link"));
            Assert.Contains("page=2>; rel=\"next\"", link, StringComparison.Ordinal);
            Assert.Contains($"queue={queue}", link, StringComparison.Ordinal);
            Assert.DoesNotContain("rel=\"prev\"", link, StringComparison.Ordinal);

            var second = await receptionist.GetAsync($"/api/workspace/applications?queue={queue}&page=2");
            var secondItems = JsonDocument.Parse(await second.Content.ReadAsStringAsync()).RootElement.EnumerateArray().ToList();
            Assert.Equal(Submitted - WorkspaceQueues.PageSize, secondItems.Count);
            Assert.Contains("rel=\"prev\"", string.Join(",", second.Headers.GetValues("Link")), StringComparison.Ordinal);
            Assert.DoesNotContain("rel=\"next\"", string.Join(",", second.Headers.GetValues("Link")), StringComparison.Ordinal);
            Assert.Equal(
                codes.Order(StringComparer.Ordinal),
                firstItems.Concat(secondItems).Select(i => i.GetProperty("code").GetString()!).Order(StringComparer.Ordinal));
        }

        var overdue = await GetJsonAsync(receptionist, "/api/workspace/applications?queue=overdue");
        Assert.Equal(mostUrgent, Assert.Single(overdue.EnumerateArray()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_page_out_of_range_is_refused_with_a_reason()
    {
        var receptionist = await app.OfficerAsync(Officers.BaDinhReceptionist);

        foreach (var page in new[] { "0", "-1", "abc", (WorkspaceQueues.LastPage + 1).ToString(CultureInfo.InvariantCulture) })
        {
            var response = await receptionist.GetAsync($"/api/workspace/applications?queue=all&page={page}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("Pages are numbered from 1", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, (await receptionist.GetAsync($"/workspace?queue=all&page={page}")).StatusCode);
        }
    }

    [Fact]
    public async Task The_page_links_to_the_next_and_previous_pages_keeping_the_filters()
    {
        for (var i = 0; i < Submitted; i++)
        {
            var idNumber = "0332" + i.ToString("00000000", CultureInfo.InvariantCulture);
            await app.SubmitAsync(SampleAnswers.PermanentResidence, SampleAnswers.BaDinh, idNumber, "Người Nộp " + i);
        }

        var receptionist = await app.OfficerAsync(Officers.BaDinhReceptionist);
        var first = await (await receptionist.GetAsync($"/workspace?queue=all&procedure={SampleAnswers.PermanentResidence}")).Content.ReadAsStringAsync();
        Assert.Contains("Hồ sơ 1–100, hạn giải quyết gần nhất trước.", first, StringComparison.Ordinal);
        Assert.Contains($"href=\"/workspace?queue=all&amp;procedure={SampleAnswers.PermanentResidence}&amp;page=2\" rel=\"next\"", first, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"prev\"", first, StringComparison.Ordinal);

        var second = await (await receptionist.GetAsync($"/workspace?queue=all&procedure={SampleAnswers.PermanentResidence}&page=2")).Content.ReadAsStringAsync();
        Assert.Contains("Hồ sơ 101–", second, StringComparison.Ordinal);
        Assert.Contains($"href=\"/workspace?queue=all&amp;procedure={SampleAnswers.PermanentResidence}\" rel=\"prev\"", second, StringComparison.Ordinal);
    }
}
