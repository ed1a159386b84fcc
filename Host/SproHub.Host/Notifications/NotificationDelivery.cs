using MediatR;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using SproHub.Host.Platform.Data;
using SproHub.Shared.Data;
using SproHub.Shared.Notifications;

namespace SproHub.Host.Notifications;

/// <summary>One person's copy of a notification: the in-app message, and whether its e-mail left.</summary>
[CrossTerritory("A person's notifications come from every territory they work in (/notifications, read by their e-mail); they are " +
    "written and e-mailed from the outbox, outside any territory.")]
public sealed class NotificationRecord
{
    public long Id { get; set; }
    public Guid EventId { get; set; }
    /// <summary>Lower case: the person is known by the address the platform writes to.</summary>
    public required string Email { get; set; }
    public required string Name { get; set; }
    public required string ModuleId { get; set; }
    public required string Kind { get; set; }
    public string? TerritoryId { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public string? Link { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
    public DateTimeOffset? EmailSentAt { get; set; }
    /// <summary>The person turned this kind's e-mails off: kept in the platform only.</summary>
    public bool EmailDeclined { get; set; }
}

public sealed class NotificationPreference
{
    public required string Email { get; set; }
    public required string Kind { get; set; }
    public bool EmailEnabled { get; set; }
}

public sealed class Notifier(TimeProvider clock) : INotifier
{
    public void Queue(DbContext moduleContext, Notification notification) =>
        moduleContext.AddIntegrationEvent(new NotificationRequested(Guid.NewGuid(), clock.GetUtcNow(), notification));
}

/// <summary>
/// Delivers what the modules' outboxes carry: one in-app message per person, and its e-mail unless declined.
/// A delivery seen twice (the outbox repeats after a crash) neither duplicates the message nor sends twice.
/// </summary>
public sealed class NotificationRequestedHandler(PlatformDbContext db, IMailSender mail, MailComposer composer, TimeProvider clock, ILogger<NotificationRequestedHandler> logger)
    : INotificationHandler<NotificationRequested>
{
    public async Task Handle(NotificationRequested requested, CancellationToken cancellationToken)
    {
        var n = requested.Notification;
        var emails = n.Recipients.Select(r => Normalise(r.Email)).Distinct().ToList();
        var existing = await db.Notifications.Where(r => r.EventId == requested.EventId).ToDictionaryAsync(r => r.Email, cancellationToken);
        var declined = await db.NotificationPreferences.AsNoTracking()
            .Where(p => p.Kind == n.Kind && !p.EmailEnabled && emails.Contains(p.Email)).Select(p => p.Email).ToListAsync(cancellationToken);
        foreach (var recipient in n.Recipients.DistinctBy(r => Normalise(r.Email)))
        {
            var email = Normalise(recipient.Email);
            if (!existing.TryGetValue(email, out var record))
            {
                record = new NotificationRecord
                {
                    EventId = requested.EventId, Email = email, Name = recipient.Name, ModuleId = n.ModuleId, Kind = n.Kind, TerritoryId = n.TerritoryId,
                    Subject = n.Subject, Body = n.Body, Link = recipient.Link ?? n.Link, CreatedAt = requested.OccurredAt,
                    EmailDeclined = declined.Contains(email),
                };
                db.Notifications.Add(record);
                await db.SaveChangesAsync(cancellationToken);
            }
            if (record.EmailSentAt is not null || record.EmailDeclined) continue;
            // A failure here leaves the event unprocessed: the next pass sends only what has not left.
            await mail.SendAsync(composer.Compose(record, n.Attachments ?? []), cancellationToken);
            record.EmailSentAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
        }
        logger.LogInformation("Notification {Kind} remise à {Count} destinataires", n.Kind, emails.Count);
    }

    public static string Normalise(string email) => email.Trim().ToLowerInvariant();
}

/// <summary>The French e-mail around a module's text: greeting, the link into the platform, how to stop this kind.</summary>
public sealed class MailComposer(IConfiguration configuration)
{
    /// <summary>Links in e-mails use the configured public address, the same as the calendar feeds'.</summary>
    private string PublicUrl => (configuration["Platform:PublicBaseUrl"] is { Length: > 0 } url ? url : "http://localhost:5080").TrimEnd('/');
    private string From => configuration["Notifications:From"] ?? "ne-pas-repondre@spro-hub.local";

    public MimeMessage Compose(NotificationRecord record, IReadOnlyList<NotificationAttachment> attachments)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("SPRO Hub", From));
        message.To.Add(new MailboxAddress(record.Name, record.Email));
        message.Subject = record.Subject;
        var link = record.Link is null ? null : record.Link.StartsWith("http", StringComparison.Ordinal) ? record.Link : PublicUrl + record.Link;
        var text = $"Bonjour {record.Name},\n\n{record.Body}\n\n" + (link is null ? "" : $"Dans SPRO Hub : {link}\n\n")
                   + $"—\nSPRO Hub, Service public régional de l'orientation.\nVos préférences de notification : {PublicUrl}/notifications/preferences\n";
        var paragraphs = record.Body.Split("\n\n").Select(p => $"<p>{System.Net.WebUtility.HtmlEncode(p).Replace("\n", "<br>")}</p>");
        var html = $"<p>Bonjour {System.Net.WebUtility.HtmlEncode(record.Name)},</p>{string.Concat(paragraphs)}"
                   + (link is null ? "" : $"<p><a href=\"{System.Net.WebUtility.HtmlEncode(link)}\">Ouvrir dans SPRO Hub</a></p>")
                   + $"<hr><p style=\"font-size:small\">SPRO Hub, Service public régional de l'orientation. <a href=\"{PublicUrl}/notifications/preferences\">Vos préférences de notification</a></p>";
        var body = new BodyBuilder { TextBody = text, HtmlBody = html };
        foreach (var attachment in attachments)
            body.Attachments.Add(attachment.FileName, System.Text.Encoding.UTF8.GetBytes(attachment.Content), ContentType.Parse(attachment.ContentType));
        message.Body = body.ToMessageBody();
        return message;
    }
}

public interface IMailSender
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>Production: an SMTP server (<c>Notifications:Smtp:Host</c>, port, user, password).</summary>
public sealed class SmtpMailSender(IConfiguration configuration) : IMailSender
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var smtp = configuration.GetSection("Notifications:Smtp");
        using var client = new MailKit.Net.Smtp.SmtpClient();
        await client.ConnectAsync(smtp["Host"]!, smtp.GetValue("Port", 25), MailKit.Security.SecureSocketOptions.Auto, cancellationToken);
        if (smtp["User"] is { Length: > 0 } userName) await client.AuthenticateAsync(userName, smtp["Password"] ?? "", cancellationToken);
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }
}

/// <summary>Development and tests: each e-mail written as an .eml file (opened by any mail client) in <c>Notifications:Folder</c>.</summary>
public sealed class FolderMailSender(string folder) : IMailSender
{
    public string Folder { get; } = folder;

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml");
        await message.WriteToAsync(path, cancellationToken);
    }
}

public static class NotificationSetup
{
    public static IServiceCollection AddSproNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<INotifier, Notifier>();
        services.AddSingleton<MailComposer>();
        if (!string.IsNullOrEmpty(configuration["Notifications:Smtp:Host"])) services.AddSingleton<IMailSender, SmtpMailSender>();
        else
        {
            var data = configuration["Storage:DataPath"] is { Length: > 0 } path ? path : "data";
            services.AddSingleton<IMailSender>(new FolderMailSender(configuration["Notifications:Folder"] is { Length: > 0 } folder ? folder : Path.Combine(data, "mail")));
        }
        return services;
    }
}
