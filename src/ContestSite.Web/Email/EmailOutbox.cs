using ContestSite.Data;
using ContestSite.Data.Email;
using Microsoft.Extensions.Options;
using ContestSite.Web.Hosting;

namespace ContestSite.Web.Email;

public sealed record EmailMessage(string ToAddress, string? ToName, string Subject, string TextBody, string? HtmlBody = null);

/// <summary>
/// Puts mail in the outbox of the caller's <see cref="ContestDbContext"/>: it is saved with the caller's
/// change, in the same transaction, and sent later by <see cref="OutboxDispatcher"/>.
/// </summary>
public sealed class EmailOutbox(ContestDbContext db, TimeProvider clock, OutboxSignal signal, AfterCommit afterCommit)
{
    private bool _wakesOnSave;

    public void Enqueue(EmailMessage message)
    {
        var now = clock.GetUtcNow();
        db.Outbox.Add(new OutboxMessage
        {
            ToAddress = message.ToAddress,
            ToName = message.ToName,
            Subject = message.Subject,
            TextBody = message.TextBody,
            HtmlBody = message.HtmlBody,
            CreatedAt = now,
            NextAttemptAt = now,
        });
        // The dispatcher is woken once the mail is committed: woken before, it could look, find nothing, and sleep a poll.
        if (!_wakesOnSave)
        {
            db.SavedChanges += (_, _) => afterCommit.Run(db, signal.Notify);
            _wakesOnSave = true;
        }
    }

    /// <summary>Enqueues and saves at once, for mail that is the whole of the change.</summary>
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        Enqueue(message);
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>Wakes the dispatcher as soon as mail is queued, instead of at its next poll.</summary>
public sealed class OutboxSignal : WakeSignal;

public static class RetrySchedule
{
    /// <summary>Exponential backoff: base, 2×base, 4×base… capped at the maximum.</summary>
    public static TimeSpan DelayAfter(int attempts, SmtpOptions options)
    {
        var factor = Math.Pow(2, Math.Min(attempts - 1, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(options.RetryBaseDelay.Ticks * factor, options.RetryMaxDelay.Ticks));
        return delay < options.RetryBaseDelay ? options.RetryBaseDelay : delay;
    }
}
