using ContestSite.Core.Audit;

namespace ContestSite.Core.Tests.Audit;

public sealed class AuditChainTests
{
    private static List<AuditEntry> Chain(int count)
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
            entry.Hash = AuditChain.ComputeHash(entry);
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
        Assert.Contains("创世", broken!.Reason);
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
}
