namespace OneStop.Web.Notifications;

public enum NotificationChannel
{
    Email,
    Sms,
}

public enum DeliveryState
{
    /// <summary>Waiting in the outbox (first try, or a retry after <see cref="NotificationMessage.NextAttemptAt"/>).</summary>
    Pending,

    Sent,

    /// <summary>Given up after the last retry; an administrator can see why.</summary>
    Failed,
}

/// <summary>
/// A message to a citizen or an officer in the outbox. It is written in the same transaction as the
/// change it tells about, and a background sender delivers it, retrying, so that it is never lost
/// on a restart and never sent for a change that was rolled back.
/// </summary>
public sealed class NotificationMessage
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required NotificationChannel Channel { get; init; }

    /// <summary>An e-mail address or a phone number.</summary>
    public required string Recipient { get; init; }

    public required string Subject { get; init; }

    public required string Body { get; init; }

    /// <summary>What the message is about (an application code), for the officer's and the citizen's view.</summary>
    public string? Reference { get; init; }

    /// <summary>Why it was sent: <c>applications.received</c>, <c>applications.overdue-apology</c>…</summary>
    public required string Kind { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DeliveryState State { get; set; } = DeliveryState.Pending;

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public string? LastError { get; set; }

    /// <summary>The sender instance delivering it now; another instance leaves it alone until <see cref="ClaimedUntil"/>.</summary>
    public string? ClaimedBy { get; set; }

    /// <summary>When a claim lapses, so that a message claimed by an instance that died is picked up again.</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }
}
