using OneStop.Web.Shared.Scheduling;

namespace OneStop.Web.Notifications;

/// <summary>
/// The outbox of e-mails and text messages. A capability adds a <see cref="NotificationMessage"/> to the
/// context in the transaction of its change; <see cref="OutboxSenderJob"/> delivers it afterwards,
/// through SMTP when <c>Notifications:Smtp:Host</c> is set and to the log otherwise.
/// </summary>
public static class NotificationsModule
{
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        var smtp = new SmtpOptions();
        configuration.GetSection("Notifications:Smtp").Bind(smtp);
        var outbox = new OutboxOptions();
        configuration.GetSection("Notifications:Outbox").Bind(outbox);
        services.AddSingleton(smtp);
        services.AddSingleton(outbox);
        services.AddSingleton<OutboxInstance>();
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            services.AddSingleton<IEmailSender, LoggingEmailSender>();
        }
        else
        {
            services.AddSingleton<IEmailSender, SmtpEmailSender>();
        }

        services.AddSingleton<ISmsSender, LoggingSmsSender>();
        services.AddScoped<OutboxDispatcher>();
        services.AddRecurringJob<OutboxSenderJob>(OutboxSenderJob.Name, TimeSpan.FromSeconds(Math.Max(1, outbox.IntervalSeconds)));
        return services;
    }

    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        NotificationsApi.Map(app);
        return app;
    }
}
