using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContestSite.Data.Email;

/// <summary>
/// An email waiting to be sent. Mail is written here in the same transaction as the change that
/// caused it, and a background dispatcher sends it with retries, so a mail server that is down loses nothing.
/// </summary>
public class OutboxMessage
{
    public long Id { get; set; }
    public required string ToAddress { get; set; }
    public string? ToName { get; set; }
    public required string Subject { get; set; }
    public required string TextBody { get; set; }
    public string? HtmlBody { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    /// <summary>Set when the dispatcher gave up: the message stays for an organizer to see.</summary>
    public DateTimeOffset? FailedAt { get; set; }
    public string? LastError { get; set; }
    /// <summary>A node that claims a message holds it until this moment, so two nodes never send it twice.</summary>
    public DateTimeOffset? LockedUntil { get; set; }
    public string? LockedBy { get; set; }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> message)
    {
        message.Property(m => m.ToAddress).HasMaxLength(320);
        message.Property(m => m.ToName).HasMaxLength(256);
        message.Property(m => m.Subject).HasMaxLength(500);
        message.Property(m => m.LastError).HasMaxLength(2000);
        message.Property(m => m.LockedBy).HasMaxLength(100);
        message.HasIndex(m => new { m.SentAt, m.FailedAt, m.NextAttemptAt });
    }
}
