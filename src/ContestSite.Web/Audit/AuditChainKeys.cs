using System.Security.Cryptography;
using System.Text.Json;
using ContestSite.Web.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace ContestSite.Web.Audit;

/// <summary>A key of the audit chain's HMAC and the name entries record it by.</summary>
public sealed record AuditChainKey(string Id, byte[] Bytes, DateTimeOffset? CreatedAt = null);

/// <summary>
/// The keys of the audit chain, kept outside the database so that write access to the database alone cannot
/// forge a chain. Either the operator gives them (<c>ContestSite__Audit__ChainKeys</c>), or the site generates
/// one on first use and keeps it in a file beside the anchor, protected by the data-protection keys. Rotating
/// adds a key; old keys stay, so old entries keep verifying. The newest key writes.
/// </summary>
public sealed class AuditChainKeys
{
    public const int MinimumKeyBytes = 32;
    private const string Purpose = "ContestSite.Audit.ChainKey.v1";
    private readonly IDataProtector _protector;
    private readonly string _file;
    private readonly IReadOnlyList<AuditChainKey> _configured;
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    private IReadOnlyList<AuditChainKey>? _stored;
    private Dictionary<string, byte[]>? _byId;

    public AuditChainKeys(IOptions<AuditOptions> options, AuditFiles files, IDataProtectionProvider protection, TimeProvider clock)
    {
        _protector = protection.CreateProtector(Purpose);
        _file = files.KeyRing;
        _clock = clock;
        _configured = string.IsNullOrWhiteSpace(options.Value.ChainKeys) ? [] : ParseSetting(options.Value.ChainKeys).Keys;
    }

    /// <summary>The key new entries are written with.</summary>
    public AuditChainKey Current => _configured.Count > 0 ? _configured[^1] : Stored()[^1];

    /// <summary>Every key this site knows, for checking entries of any age.</summary>
    public IReadOnlyList<AuditChainKey> All => [.. Stored(create: false), .. _configured];

    /// <summary>A key by its id; a key another process added since (a rotation) is read from the file.</summary>
    public byte[]? Find(string id)
    {
        var byId = _byId ??= ById();
        if (byId.TryGetValue(id, out var key)) return key;
        lock (_gate)
        {
            if (File.Exists(_file)) _stored = Read();
            _byId = ById();
        }
        return _byId.GetValueOrDefault(id);
    }

    private Dictionary<string, byte[]> ById() => All.GroupBy(k => k.Id).ToDictionary(g => g.Key, g => g.Last().Bytes);

    /// <summary>Adds a new site-kept key that writes from now on; refused while the operator's keys are in use.</summary>
    public AuditChainKey Rotate()
    {
        if (_configured.Count > 0)
            throw new InvalidOperationException("The chain keys come from ContestSite__Audit__ChainKeys: add the new key there (id=base64 at the end).");
        lock (_gate)
        {
            var keys = Stored().ToList();
            var next = NextId(keys);
            keys.Add(new AuditChainKey(next, RandomNumberGenerator.GetBytes(MinimumKeyBytes), _clock.GetUtcNow()));
            Write(keys, overwrite: true);
            _stored = keys;
            _byId = null;
            return keys[^1];
        }
    }

    private IReadOnlyList<AuditChainKey> Stored(bool create = true)
    {
        if (_stored is not null) return _stored;
        lock (_gate)
        {
            if (_stored is not null) return _stored;
            if (File.Exists(_file)) return _stored = Read();
            if (!create) return [];
            var first = new List<AuditChainKey> { new("k1", RandomNumberGenerator.GetBytes(MinimumKeyBytes), _clock.GetUtcNow()) };
            // Another process may create it at the same moment: whoever is first wins, the other reads it.
            _byId = null;
            if (!Write(first, overwrite: false)) return _stored = Read();
            return _stored = first;
        }
    }

    private List<AuditChainKey> Read()
    {
        var stored = JsonSerializer.Deserialize<List<StoredKey>>(File.ReadAllText(_file))
            ?? throw new InvalidDataException($"The audit chain key file {_file} is empty.");
        return stored.Select(k => new AuditChainKey(k.Id, _protector.Unprotect(Convert.FromBase64String(k.ProtectedKey)), k.CreatedAt)).ToList();
    }

    private bool Write(IReadOnlyList<AuditChainKey> keys, bool overwrite)
    {
        var json = JsonSerializer.Serialize(keys.Select(k => new StoredKey(k.Id, Convert.ToBase64String(_protector.Protect(k.Bytes)), k.CreatedAt)));
        var temporary = _file + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllText(temporary, json);
        try
        {
            if (overwrite) File.Move(temporary, _file, overwrite: true);
            else
            {
                try { File.Move(temporary, _file, overwrite: false); }
                catch (IOException) when (File.Exists(_file)) { return false; }
            }
            return true;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static string NextId(IEnumerable<AuditChainKey> keys) =>
        "k" + (keys.Select(k => k.Id.StartsWith('k') && int.TryParse(k.Id.AsSpan(1), out var n) ? n : 0).DefaultIfEmpty(0).Max() + 1)
            .ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Reads <c>id=base64;id=base64</c>; a problem is said in English, for the operator's log.</summary>
    public static (IReadOnlyList<AuditChainKey> Keys, string? Problem) ParseSetting(string setting)
    {
        var keys = new List<AuditChainKey>();
        foreach (var part in setting.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0) return ([], $"'{Shorten(part)}' is not id=base64");
            var id = part[..equals].Trim();
            if (id.Length > 32 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
                return ([], $"key id '{Shorten(id)}' must be up to 32 letters, digits, '-' or '_'");
            byte[] bytes;
            try { bytes = Convert.FromBase64String(part[(equals + 1)..].Trim()); }
            catch (FormatException) { return ([], $"the key of '{id}' is not base64"); }
            if (bytes.Length < MinimumKeyBytes) return ([], $"the key of '{id}' has {bytes.Length} bytes; at least {MinimumKeyBytes} are needed");
            if (keys.Any(k => k.Id == id)) return ([], $"key id '{id}' is given twice");
            keys.Add(new AuditChainKey(id, bytes));
        }
        return keys.Count == 0 ? ([], "no key given") : (keys, null);
    }

    private static string Shorten(string text) => text.Length <= 12 ? text : text[..12] + "…";

    private sealed record StoredKey(string Id, string ProtectedKey, DateTimeOffset? CreatedAt);
}

/// <summary>Where the audit log keeps what must live outside the database.</summary>
public sealed class AuditFiles
{
    public AuditFiles(IOptions<AuditOptions> options, AppDataPaths paths)
    {
        Folder = string.IsNullOrWhiteSpace(options.Value.KeyFolder) ? Path.Combine(paths.Root, "audit") : Path.GetFullPath(options.Value.KeyFolder, paths.Root);
        Directory.CreateDirectory(Folder);
        KeyRing = Path.Combine(Folder, "chain-keys.json");
        Anchor = string.IsNullOrWhiteSpace(options.Value.AnchorFile) ? Path.Combine(Folder, "anchor.log") : Path.GetFullPath(options.Value.AnchorFile, paths.Root);
        Directory.CreateDirectory(Path.GetDirectoryName(Anchor)!);
    }

    public string Folder { get; }
    public string KeyRing { get; }
    public string Anchor { get; }
}
