using System.ComponentModel.DataAnnotations;
using System.Text;
using ContestSite.Core.Catalog.Import;
using ContestSite.Core.Judging;
using ContestSite.Core.Rules;
using ContestSite.Data.Accounts;

namespace ContestSite.Web.Accounts.Invitations;

/// <summary>One person to invite, with the line of the form or file it came from.</summary>
public sealed record Invitee(int Line, string Email, string? Name = null, string? Organization = null, string? Expertise = null);

/// <summary>
/// Reads the people to invite from the form's address box (one or more addresses a line) or from a CSV file with a
/// header row (email, name, organization, expertise; Chinese headers too). Every line is checked on its own, so a
/// refusal lists all bad lines at once; the caller imports nothing when any line is bad.
/// </summary>
public static class InviteeList
{
    public const int MaxInvitees = 500;
    public const int MaxFileBytes = 512 * 1024;
    private static readonly char[] AddressSeparators = [',', '，', ';', '；', ' ', '\t'];
    private static readonly EmailAddressAttribute AddressFormat = new();
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static (IReadOnlyList<Invitee> Invitees, IReadOnlyList<RuleResult> Problems) FromText(string? text)
    {
        var invitees = new List<Invitee>();
        var lines = (text ?? "").Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
            invitees.AddRange(lines[i].Split(AddressSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(a => new Invitee(i + 1, a)));
        return (invitees, []);
    }

    public static async Task<(IReadOnlyList<Invitee> Invitees, IReadOnlyList<RuleResult> Problems)> FromCsvAsync(Stream file, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > MaxFileBytes) return ([], [RuleResult.Refuse("文件过大：最多 {0} KB", MaxFileBytes / 1024)]);
        var bytes = buffer.ToArray();
        if (bytes.Length == 0) return ([], [RuleResult.Refuse("文件是空的")]);

        // A file saved as GBK (Excel's default on Chinese Windows) is not read with replacement characters: each line
        // that is not UTF-8 is named, and nothing is imported.
        var badLines = LinesNotUtf8(bytes);
        if (badLines.Count > 0) return ([], badLines.Select(line => RuleResult.Refuse("第 {0} 行：不是 UTF-8 编码（请将文件另存为 UTF-8 格式的 CSV）", line)).ToList());

        var records = new CsvReader(new StringReader(StrictUtf8.GetString(bytes).TrimStart('\uFEFF'))).ReadRecords().Take(MaxInvitees + 2).ToList();
        if (records.Count == 0) return ([], [RuleResult.Refuse("文件是空的")]);
        var header = records[0].Fields.Select(f => f.Trim().ToLowerInvariant()).ToList();
        int Column(params string[] names) => header.FindIndex(names.Contains);
        var email = Column("email", "address", "邮箱", "邮箱地址");
        var name = Column("name", "姓名");
        var organization = Column("organization", "单位", "工作单位");
        var expertise = Column("expertise", "专长", "专长标签");
        if (email < 0) return ([], [RuleResult.Refuse("表头须包含 email（邮箱）列")]);

        var invitees = new List<Invitee>();
        var problems = new List<RuleResult>();
        foreach (var record in records.Skip(1))
        {
            var line = (int)record.Line;
            if (record.Error is not null)
            {
                problems.Add(RuleResult.Refuse("第 {0} 行：CSV 格式不正确（引号未闭合或用法不对）", line));
                continue;
            }
            string? Field(int i) => i >= 0 && i < record.Fields.Count && record.Fields[i].Trim() is { Length: > 0 } value ? value : null;
            invitees.Add(new Invitee(line, Field(email) ?? "", Field(name), Field(organization), Field(expertise)));
        }
        return (invitees, problems);
    }

    /// <summary>The problems of each invitee taken alone (format and lengths) and of the list (size, repeated addresses).</summary>
    public static IReadOnlyList<RuleResult> Check(IReadOnlyList<Invitee> invitees)
    {
        if (invitees.Count == 0) return [RuleResult.Refuse("请至少填写一个邮箱地址")];
        if (invitees.Count > MaxInvitees) return [RuleResult.Refuse("一次最多邀请 {0} 人", MaxInvitees)];
        var problems = new List<RuleResult>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var invitee in invitees)
        {
            if (invitee.Email.Length > Invitation.EmailLength) problems.Add(RuleResult.Refuse("第 {0} 行：邮箱地址过长", invitee.Line));
            else if (!IsAddress(invitee.Email)) problems.Add(RuleResult.Refuse("第 {0} 行：邮箱地址格式不正确：{1}", invitee.Line, invitee.Email));
            else if (seen.TryGetValue(invitee.Email, out var first)) problems.Add(RuleResult.Refuse("第 {0} 行：邮箱 {1} 与第 {2} 行重复", invitee.Line, invitee.Email, first));
            else seen[invitee.Email] = invitee.Line;
            if (invitee.Name?.Length > Invitation.NameLength) problems.Add(RuleResult.Refuse("第 {0} 行：姓名最多 {1} 个字", invitee.Line, Invitation.NameLength));
            if (invitee.Organization?.Length > Invitation.OrganizationLength) problems.Add(RuleResult.Refuse("第 {0} 行：单位名称最多 {1} 个字", invitee.Line, Invitation.OrganizationLength));
            if (invitee.Expertise is { } expertise && (expertise.Length > Invitation.ExpertiseLength || JudgeTags.Split(expertise) is var tags && (tags.Count > 20 || tags.Any(t => t.Length > 30))))
                problems.Add(RuleResult.Refuse("第 {0} 行：专长标签最多 20 个、每个最多 30 个字", invitee.Line));
        }
        return problems;
    }

    /// <summary>One address, as a mail server would take it: no display name, no spaces, a dot in the domain.</summary>
    private static bool IsAddress(string address) =>
        AddressFormat.IsValid(address) && System.Net.Mail.MailAddress.TryCreate(address, out var parsed) && parsed.Address == address
        && address.IndexOf('@') is var at && address.IndexOf('.', at) > at + 1 && !address.EndsWith('.');

    private static List<int> LinesNotUtf8(byte[] bytes)
    {
        var bad = new List<int>();
        var (line, start) = (1, 0);
        for (var i = 0; i <= bytes.Length; i++)
        {
            if (i < bytes.Length && bytes[i] != (byte)'\n') continue;
            try { StrictUtf8.GetString(bytes, start, i - start); }
            catch (DecoderFallbackException) { bad.Add(line); }
            (line, start) = (line + 1, i + 1);
        }
        return bad;
    }
}
