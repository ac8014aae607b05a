using System.Globalization;
using System.Text;
using ContestSite.Core.Audit;
using ContestSite.Data;
using Microsoft.EntityFrameworkCore;

namespace ContestSite.Web.Audit;

/// <summary>One line of the anchor: the chain's head at a moment.</summary>
public sealed record AuditAnchorPoint(long Sequence, string Hash, DateTimeOffset At);

/// <summary>
/// The chain head recorded outside the database, one line per commit (<c>sequence hash time</c>) in an
/// append-only file. Someone who deletes the newest entries, or rewrites the chain, from inside the database
/// cannot make the anchor agree. A line is written after the transaction that appended the entry commits, so
/// a crash in between leaves the anchor one step behind, never ahead; the start catches it up.
/// </summary>
public sealed class AuditAnchor(AuditFiles files, ILogger<AuditAnchor> logger)
{
    private readonly Lock _gate = new();
    private long _written = -1;

    /// <summary>Appends a line when it moves the anchor forward.</summary>
    public void Record(AuditAnchorPoint point)
    {
        lock (_gate)
        {
            if (_written < 0) _written = Newest()?.Sequence ?? 0;
            if (point.Sequence <= _written) return;
            try
            {
                // Opened for each line with the file locked to this writer and positioned at its end as it is then:
                // nodes sharing the file append in turn. (A stream kept open writes at its own remembered position,
                // and two nodes then wrote over each other's lines.) One write per line, so a kill leaves whole lines
                // and at most one torn last line, which is skipped on reading.
                using var file = Open(FileMode.Append, FileAccess.Write, FileShare.None);
                file.Write(Encoding.ASCII.GetBytes(Line(point)));
                file.Flush();
                _written = point.Sequence;
            }
            catch (IOException exception)
            {
                // The entry is committed; a missed line only weakens the anchor until the next one. Say so loudly.
                logger.LogError(exception, "Could not write the audit anchor {Path} at entry {Sequence}", files.Anchor, point.Sequence);
            }
        }
    }

    private static string Line(AuditAnchorPoint point) =>
        string.Create(CultureInfo.InvariantCulture, $"{point.Sequence} {point.Hash} {point.At.ToUniversalTime():yyyy-MM-ddTHH:mm:ss.fffffffZ}\n");

    /// <summary>Every line of the anchor, oldest first; torn or garbled lines are skipped.</summary>
    public IEnumerable<AuditAnchorPoint> ReadAll()
    {
        if (!File.Exists(files.Anchor)) yield break;
        using var reader = new StreamReader(Open(FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete), Encoding.ASCII);
        while (reader.ReadLine() is { } line)
            if (Parse(line) is { } point) yield return point;
    }

    /// <summary>The line with the highest sequence number, read from the end of the file.</summary>
    public AuditAnchorPoint? Newest()
    {
        if (!File.Exists(files.Anchor)) return null;
        using var stream = Open(FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var tail = (int)Math.Min(stream.Length, 64 * 1024);
        stream.Seek(-tail, SeekOrigin.End);
        var buffer = new byte[tail];
        stream.ReadExactly(buffer);
        return Encoding.ASCII.GetString(buffer).Split('\n').Select(Parse).OfType<AuditAnchorPoint>().MaxBy(p => p.Sequence);
    }

    private static AuditAnchorPoint? Parse(string line)
    {
        var parts = line.Split(' ');
        if (parts.Length != 3 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            || parts[1].Length != 64 || !parts[1].All(char.IsAsciiHexDigitLower)
            || !DateTimeOffset.TryParseExact(parts[2], "yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            return null;
        return new AuditAnchorPoint(sequence, parts[1], at);
    }

    /// <summary>
    /// At start: when the chain still holds what the anchor last saw, anchor the chain's head (a crash may have
    /// left the anchor a step behind). When it does not, leave the anchor alone so that the check reports it.
    /// </summary>
    public async Task CatchUpAsync(ContestDbContext db, CancellationToken cancellationToken)
    {
        var head = await db.AuditChainHeads.AsNoTracking().SingleAsync(h => h.Id == AuditChainHead.TheOne, cancellationToken);
        if (head.Sequence == 0) return;
        var newest = Newest();
        if (newest is not null)
        {
            var seen = await db.AuditEntries.AsNoTracking().Where(e => e.Id == newest.Sequence).Select(e => e.Hash).SingleOrDefaultAsync(cancellationToken);
            if (seen != newest.Hash)
            {
                logger.LogCritical("The audit chain no longer holds entry {Sequence} as the anchor {Path} recorded it: entries were deleted or rewritten. Run `audit verify`.",
                    newest.Sequence, files.Anchor);
                return;
            }
        }
        else
        {
            logger.LogWarning("The audit anchor {Path} is missing; anchoring begins at entry {Sequence}", files.Anchor, head.Sequence);
        }
        var at = await db.AuditEntries.AsNoTracking().Where(e => e.Id == head.Sequence).Select(e => e.At).SingleAsync(cancellationToken);
        Record(new AuditAnchorPoint(head.Sequence, head.Hash, at));
    }

    /// <summary>Opens the anchor, waiting briefly while another writer (this node's or another's) holds it.</summary>
    private FileStream Open(FileMode mode, FileAccess access, FileShare share)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return new FileStream(files.Anchor, mode, access, share);
            }
            catch (IOException) when (attempt < 100 && File.Exists(files.Anchor))
            {
                Thread.Sleep(2);
            }
        }
    }
}
