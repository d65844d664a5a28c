using Microsoft.EntityFrameworkCore;
using OneStop.Web.Shared.Persistence;
using OneStop.Web.Shared.Security;

namespace OneStop.Web.Notifications;

/// <summary>One outbox message as the system administrator sees it.</summary>
public sealed record NotificationView(
    Guid Id,
    string Channel,
    string Recipient,
    string Subject,
    string Kind,
    string? Reference,
    string State,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset NextAttemptAt,
    DateTimeOffset? SentAt,
    string? LastError);

internal static class NotificationsApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/notifications").WithTags("Notifications");
        group.MapGet("", ListAsync)
            .WithName("ListNotifications")
            .WithSummary("The outbox messages about one application (by its code), with their delivery state, tries and last error.")
            .Produces<IReadOnlyList<NotificationView>>()
            .ProducesValidationProblem()
            .RequireAuthorization(Policies.SystemAdministrator)
            .WithMetadata(new OfficerAccessAttribute(Roles.SystemAdministrator) { ExampleRequest = "/api/notifications?reference=00004-260101-0001" });
    }

    private static async Task<IResult> ListAsync(string? reference, OneStopDbContext db, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reference) || reference.Length > 40)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]>
            {
                ["reference"] = ["Give the application code the messages are about, e.g. ?reference=00004-260101-0001 (at most 40 characters)."],
            });
        }

        var rows = await db.Notifications.AsNoTracking()
            .Where(m => m.Reference == reference)
            .OrderBy(m => m.CreatedAt)
            .ToListAsync(cancellationToken);
        return Results.Ok(rows.Select(m => new NotificationView(
            m.Id, m.Channel.ToString().ToLowerInvariant(), m.Recipient, m.Subject, m.Kind, m.Reference, m.State.ToString().ToLowerInvariant(),
            m.Attempts, m.CreatedAt, m.NextAttemptAt, m.SentAt, m.LastError)).ToList());
    }
}
