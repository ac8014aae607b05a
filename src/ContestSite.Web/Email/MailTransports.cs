using ContestSite.Data.Email;
using ContestSite.Web.Hosting;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ContestSite.Web.Email;

/// <summary>Where mail goes: an SMTP relay, or a pickup folder when no SMTP host is set.</summary>
public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

public static class MimeMessages
{
    public static MimeMessage From(OutboxMessage message, string from)
    {
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(from));
        mime.To.Add(new MailboxAddress(message.ToName ?? "", message.ToAddress));
        mime.Subject = message.Subject;
        mime.MessageId = $"outbox-{message.Id}-{message.CreatedAt.UtcTicks}@contestsite";
        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        mime.Body = body.ToMessageBody();
        return mime;
    }
}

public sealed class SmtpMailTransport(IOptions<SiteOptions> options) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        using var client = new SmtpClient { Timeout = 30_000 };
        var security = Enum.Parse<SecureSocketOptions>(smtp.Security);
        await client.ConnectAsync(smtp.Host ?? "localhost", smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }
}

/// <summary>Writes each message as an .eml file, for a site with no mail server (the demo).</summary>
public sealed class PickupFolderMailTransport(AppDataPaths paths) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var name = $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml";
        var temp = Path.Combine(paths.MailPickup, name + ".tmp");
        await using (var file = File.Create(temp))
            await message.WriteToAsync(file, cancellationToken);
        File.Move(temp, Path.Combine(paths.MailPickup, name));
    }
}
