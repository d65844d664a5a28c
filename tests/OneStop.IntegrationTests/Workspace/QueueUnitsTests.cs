using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.IntegrationTests.Applications;
using OneStop.Web.Applications.Persistence;
using OneStop.Web.Shared.Persistence;

namespace OneStop.IntegrationTests.Workspace;

/// <summary>An officer who sees several units narrows a queue by a unit chosen by name, and sees each application's unit.</summary>
public sealed class QueueUnitsTests(WorkspaceAppFactory app) : IClassFixture<WorkspaceAppFactory>
{
    private async Task<string> PageAsync(HttpClient officer, string path)
    {
        var response = await officer.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Units_with_open_applications_are_offered_by_name_and_one_narrows_the_queue()
    {
        var ward = await app.SubmitAsync(SampleAnswers.PermanentResidence, SampleAnswers.BaDinh);
        var police = await app.SubmitAsync(SampleAnswers.CriminalRecord, SampleAnswers.PhoHien, "033188004321", "Trần Thị Bình");
        var administrator = await app.OfficerAsync(Officers.SystemAdministrator);

        var all = await PageAsync(administrator, "/workspace?queue=all");
        Assert.Contains("<select id=\"unit\" name=\"unit\"", all, StringComparison.Ordinal);
        Assert.Contains("<option value=\"00004\">Phường Ba Đình (00004)</option>", all, StringComparison.Ordinal);
        Assert.Contains("<option value=\"33-CA\">Công an tỉnh Hưng Yên (33-CA)</option>", all, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">Cơ quan giải quyết</th>", all, StringComparison.Ordinal);
        Assert.Contains(ward.Code, all, StringComparison.Ordinal);
        Assert.Contains(police.Code, all, StringComparison.Ordinal);

        var narrowed = await PageAsync(administrator, "/workspace?queue=all&unit=33-CA");
        Assert.Contains("<option value=\"33-CA\" selected=\"selected\">", narrowed, StringComparison.Ordinal);
        Assert.Contains(police.Code, narrowed, StringComparison.Ordinal);
        Assert.DoesNotContain(ward.Code, narrowed, StringComparison.Ordinal);

        // The administrator takes no step of any workflow: nothing waits for them, though all is visible.
        Assert.Empty((await WorkspaceAppFactory.GetJsonAsync(administrator, "/api/workspace/applications?queue=to-act")).EnumerateArray());
        Assert.NotEmpty((await WorkspaceAppFactory.GetJsonAsync(administrator, "/api/workspace/applications?queue=all")).EnumerateArray());

        // Across provinces each has its own calendar: the due-soon queue tests each application against its own.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OneStopDbContext>();
            (await db.Applications.SingleAsync(a => a.Code == ward.Code)).DueAt = DateTimeOffset.UtcNow.AddMinutes(30);
            await db.SaveChangesAsync();
        }

        var dueSoon = (await WorkspaceAppFactory.GetJsonAsync(administrator, "/api/workspace/applications?queue=due-soon")).EnumerateArray()
            .Select(i => i.GetProperty("code").GetString()).ToList();
        Assert.Contains(ward.Code, dueSoon);
        Assert.DoesNotContain(police.Code, dueSoon);

        // A ward's receptionist sees one unit only: nothing to choose, no column to repeat it.
        var receptionist = await PageAsync(await app.OfficerAsync(Officers.BaDinhReceptionist), "/workspace?queue=all");
        Assert.Contains(ward.Code, receptionist, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"unit\"", receptionist, StringComparison.Ordinal);
        Assert.DoesNotContain("<th scope=\"col\">Cơ quan giải quyết</th>", receptionist, StringComparison.Ordinal);
    }
}
