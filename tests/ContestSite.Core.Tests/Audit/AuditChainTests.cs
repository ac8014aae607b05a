using ContestSite.Core.Audit;

namespace ContestSite.Core.Tests.Audit;

public sealed class AuditChainTests
{
    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    private static byte[]? Keys(string id) => id == "k1" ? Key : null;

    /// <summary>A chain of <paramref name="count"/> entries; the first <paramref name="unkeyed"/> (all by default) with plain hashes, the rest keyed with "k1".</summary>
    private static List<AuditEntry> Chain(int count, int? unkeyed = null)
    {
        var entries = new List<AuditEntry>();
        var previous = AuditChain.GenesisHash;
        for (var i = 1; i <= count; i++)
        {
            var entry = new AuditEntry
            {
                Id = i, At = new DateTimeOffset(2020, 9, 1, 8, 0, i, TimeSpan.Zero), ActorId = "u1", ActorName = "a@example.com",
                Action = "account.signin", Subject = $"user:{i}", Outcome = "ok", Detail = null, IpAddress = "127.0.0.1",
                PreviousHash = previous, Hash = "",
            };
            if (i > (unkeyed ?? count)) entry.KeyId = "k1";
            entry.Hash = entry.KeyId is null ? AuditChain.ComputeHash(entry) : AuditChain.ComputeHash(entry, Key);
            previous = entry.Hash;
            entries.Add(entry);
        }
        return entries;
    }

    [Fact]
    public void An_untouched_chain_has_no_break() => Assert.Null(AuditChain.FindFirstBreak(Chain(5)));

    [Fact]
    public void An_edited_entry_is_the_first_break()
    {
        var chain = Chain(5);
        chain[2].Outcome = "forged";

        var broken = AuditChain.FindFirstBreak(chain);

        Assert.Equal(3, broken?.EntryId);
        Assert.Contains("被修改", broken!.Reason);
    }

    [Fact]
    public void A_deleted_entry_breaks_the_link_of_the_one_after_it()
    {
        var chain = Chain(5);
        chain.RemoveAt(1);

        Assert.Equal(3, AuditChain.FindFirstBreak(chain)?.EntryId);
    }

    [Fact]
    public void Deleting_the_first_entry_is_found_too()
    {
        var chain = Chain(3);
        chain.RemoveAt(0);

        var broken = AuditChain.FindFirstBreak(chain);

        Assert.Equal(2, broken?.EntryId);
        Assert.Equal(AuditChainBreakKind.FirstNotGenesis, broken!.Kind);
    }

    [Fact]
    public void An_edited_entry_whose_hash_was_recomputed_breaks_the_next_link()
    {
        var chain = Chain(4);
        chain[1].Detail = "rewritten";
        chain[1].Hash = AuditChain.ComputeHash(chain[1]);

        Assert.Equal(3, AuditChain.FindFirstBreak(chain)?.EntryId);
    }

    [Fact]
    public void Moving_text_between_fields_changes_the_hash()
    {
        var a = Chain(1)[0];
        var b = Chain(1)[0];
        (a.Subject, a.Outcome) = ("user:1ok", "");
        (b.Subject, b.Outcome) = ("user:1", "ok");

        Assert.NotEqual(AuditChain.ComputeHash(a), AuditChain.ComputeHash(b));
    }

    [Fact]
    public void A_null_field_hashes_differently_from_an_empty_one()
    {
        var a = Chain(1)[0];
        var b = Chain(1)[0];
        (a.Detail, b.Detail) = (null, "");

        Assert.NotEqual(AuditChain.ComputeHash(a), AuditChain.ComputeHash(b));
    }

    [Fact]
    public void Plain_entries_followed_by_keyed_ones_verify_with_the_key() =>
        Assert.Null(AuditChain.FindFirstBreak(Chain(6, unkeyed: 3), Keys));

    [Fact]
    public void A_gap_in_the_sequence_is_a_break_even_when_the_links_agree()
    {
        var chain = Chain(5, unkeyed: 0);
        // Entry 3 removed and entry 4 relinked and re-signed (as someone holding the key could): the numbers still tell.
        chain.RemoveAt(2);
        chain[2].PreviousHash = chain[1].Hash;
        chain[2].Hash = AuditChain.ComputeHash(chain[2], Key);

        var broken = AuditChain.FindFirstBreak(chain.Take(3), Keys);

        Assert.Equal((4L, AuditChainBreakKind.SequenceGap, 2L), (broken!.EntryId, broken.Kind, broken.PreviousId));
    }

    [Fact]
    public void A_keyed_entry_recomputed_with_another_key_is_found()
    {
        var chain = Chain(4, unkeyed: 0);
        chain[1].Outcome = "forged";
        chain[1].Hash = AuditChain.ComputeHash(chain[1], new byte[32]);

        var broken = AuditChain.FindFirstBreak(chain, Keys);

        Assert.Equal((2L, AuditChainBreakKind.ContentChanged), (broken!.EntryId, broken.Kind));
    }

    [Fact]
    public void A_plain_entry_after_keyed_ones_is_a_forgery()
    {
        var chain = Chain(3, unkeyed: 0);
        var forged = new AuditEntry { Id = 4, At = chain[2].At.AddSeconds(1), Action = "application.decided", PreviousHash = chain[2].Hash, Hash = "" };
        forged.Hash = AuditChain.ComputeHash(forged);
        chain.Add(forged);

        var broken = AuditChain.FindFirstBreak(chain, Keys);

        Assert.Equal((4L, AuditChainBreakKind.Unsigned), (broken!.EntryId, broken.Kind));
    }

    [Fact]
    public void An_entry_whose_key_is_unknown_cannot_pass()
    {
        var chain = Chain(2, unkeyed: 0);

        var broken = AuditChain.FindFirstBreak(chain, _ => null);

        Assert.Equal((1L, AuditChainBreakKind.KeyUnknown, "k1"), (broken!.EntryId, broken.Kind, broken.KeyId));
    }

    [Fact]
    public void The_key_id_is_part_of_what_is_signed()
    {
        var chain = Chain(1, unkeyed: 0);
        var other = chain[0].Hash;
        chain[0].KeyId = "k2";

        Assert.NotEqual(other, AuditChain.ComputeHash(chain[0], Key));
    }
}
