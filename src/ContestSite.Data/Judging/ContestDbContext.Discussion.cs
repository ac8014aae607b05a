using ContestSite.Core.Contests;
using ContestSite.Core.Judging;
using ContestSite.Core.Submissions;
using ContestSite.Data.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContestSite.Data;

public abstract partial class ContestDbContext
{
    public DbSet<Discussion> Discussions => Set<Discussion>();
    public DbSet<DiscussionComment> DiscussionComments => Set<DiscussionComment>();
}

internal sealed class DiscussionConfiguration : IEntityTypeConfiguration<Discussion>
{
    public void Configure(EntityTypeBuilder<Discussion> discussion)
    {
        // One thread per entry and round, even when two people open it at the same moment.
        discussion.HasIndex(d => new { d.RoundId, d.SubmissionId }).IsUnique();
        discussion.Property(d => d.OpenedByUserId).HasMaxLength(450);
        discussion.Property(d => d.Reason).HasMaxLength(500);
        discussion.HasOne<Round>().WithMany().HasForeignKey(d => d.RoundId).OnDelete(DeleteBehavior.Restrict);
        discussion.HasOne<Submission>().WithMany().HasForeignKey(d => d.SubmissionId).OnDelete(DeleteBehavior.Restrict);
        discussion.HasOne<SiteUser>().WithMany().HasForeignKey(d => d.OpenedByUserId).OnDelete(DeleteBehavior.Restrict);
        discussion.HasMany(d => d.Comments).WithOne().HasForeignKey(c => c.DiscussionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DiscussionCommentConfiguration : IEntityTypeConfiguration<DiscussionComment>
{
    public void Configure(EntityTypeBuilder<DiscussionComment> comment)
    {
        comment.HasIndex(c => new { c.DiscussionId, c.Id });
        comment.Property(c => c.AuthorUserId).HasMaxLength(450);
        comment.Property(c => c.Body).HasMaxLength(4000);
        comment.HasOne<SiteUser>().WithMany().HasForeignKey(c => c.AuthorUserId).OnDelete(DeleteBehavior.Restrict);
    }
}
