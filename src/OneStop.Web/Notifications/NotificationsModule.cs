namespace OneStop.Web.Notifications;

/// <summary>
/// The outbox of e-mails and text messages. A capability adds a <see cref="NotificationMessage"/> to the
/// context in the transaction of its change; the sender delivers it afterwards.
/// </summary>
public static class NotificationsModule
{
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        return services;
    }

    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder app) => app;
}
