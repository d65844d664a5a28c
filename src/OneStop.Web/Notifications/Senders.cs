using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace OneStop.Web.Notifications;

/// <summary>Delivers one e-mail of the outbox; throws when it could not.</summary>
public interface IEmailSender
{
    Task SendAsync(NotificationMessage message, CancellationToken cancellationToken);
}

/// <summary>Delivers one text message of the outbox; throws when it could not.</summary>
public interface ISmsSender
{
    Task SendAsync(NotificationMessage message, CancellationToken cancellationToken);
}

/// <summary>The <c>Notifications:Smtp</c> section. Without a host, e-mails are written to the log.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public string? User { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "OneStop <no-reply@onestop.local>";

    /// <summary>STARTTLS (or TLS on port 465); off only for a relay on the same machine.</summary>
    public bool UseTls { get; set; } = true;
}

internal sealed class SmtpEmailSender(SmtpOptions options) : IEmailSender
{
    public async Task SendAsync(NotificationMessage message, CancellationToken cancellationToken)
    {
        var mail = new MimeMessage();
        mail.From.Add(MailboxAddress.Parse(options.From));
        mail.To.Add(MailboxAddress.Parse(message.Recipient));
        mail.Subject = message.Subject;
        mail.Body = new TextPart("plain") { Text = message.Body };
        // The message id lets a receiving server drop the copy a retry after a lost answer would send.
        mail.MessageId = message.Id.ToString("N") + "@onestop";

        using var client = new SmtpClient();
        var security = !options.UseTls ? SecureSocketOptions.None
            : options.Port == 465 ? SecureSocketOptions.SslOnConnect
            : SecureSocketOptions.StartTls;
        await client.ConnectAsync(options.Host!, options.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(options.User))
        {
            await client.AuthenticateAsync(options.User, options.Password ?? "", cancellationToken);
        }

        await client.SendAsync(mail, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}

/// <summary>The embedded default without an SMTP server: the e-mail goes to the log, where a demo can read it.</summary>
internal sealed partial class LoggingEmailSender(ILogger<LoggingEmailSender> logger) : IEmailSender
{
    public Task SendAsync(NotificationMessage message, CancellationToken cancellationToken)
    {
        LogEmail(message.Recipient, message.Subject, message.Reference, message.Body);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "E-mail (no SMTP server configured) to {Recipient}: {Subject} [{Reference}]\n{Body}")]
    private partial void LogEmail(string recipient, string subject, string? reference, string body);
}

/// <summary>No SMS gateway is integrated yet: text messages go to the log.</summary>
internal sealed partial class LoggingSmsSender(ILogger<LoggingSmsSender> logger) : ISmsSender
{
    public Task SendAsync(NotificationMessage message, CancellationToken cancellationToken)
    {
        LogSms(message.Recipient, message.Reference, message.Body);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SMS (logging sender) to {Recipient} [{Reference}]: {Body}")]
    private partial void LogSms(string recipient, string? reference, string body);
}
