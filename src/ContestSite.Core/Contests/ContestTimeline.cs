namespace ContestSite.Core.Contests;

/// <summary>A dated step of the contest calendar; <see cref="Label"/> is a Chinese localizer key with <c>{0}</c> for the round.</summary>
public sealed record Milestone(DateTimeOffset At, string Label, string? RoundName = null);

/// <summary>
/// The contest's calendar as visitors read it: the stage it is in now (报名中, 初赛作品提交中…) and the next
/// deadline to count down to. Pure, so the home page and its tests agree on every boundary.
/// </summary>
public static class ContestTimeline
{
    public static IReadOnlyList<Milestone> Milestones(Contest contest)
    {
        var list = new List<Milestone>
        {
            new(contest.RegistrationOpensAt, "报名开始"),
            new(contest.RegistrationClosesAt, "报名截止"),
        };
        foreach (var round in contest.Rounds.OrderBy(r => r.Sequence))
        {
            list.Add(new(round.SubmissionOpensAt, "{0}作品提交开始", round.Name));
            list.Add(new(round.SubmissionClosesAt, "{0}作品提交截止", round.Name));
            list.Add(new(round.ReviewClosesAt, "{0}评审结束", round.Name));
        }
        return list.OrderBy(m => m.At).ToList();
    }

    /// <summary>The first milestone strictly after <paramref name="now"/>, or null when the contest is over.</summary>
    public static Milestone? Next(Contest contest, DateTimeOffset now) => Milestones(contest).FirstOrDefault(m => m.At > now);

    /// <summary>The stage at <paramref name="now"/> as a localizer key and its argument (a round name, or null).</summary>
    public static (string Key, string? RoundName) StageAt(Contest contest, DateTimeOffset now)
    {
        foreach (var round in contest.Rounds.OrderByDescending(r => r.Sequence))
        {
            if (round.IsReviewOpen(now)) return ("{0}评审中", round.Name);
            if (round.IsSubmissionOpen(now)) return ("{0}作品提交中", round.Name);
        }
        if (now < contest.RegistrationOpensAt) return ("即将开始报名", null);
        if (contest.IsRegistrationOpen(now)) return ("报名中", null);
        var last = contest.Rounds.OrderBy(r => r.Sequence).LastOrDefault();
        if (last is null || now >= last.ReviewClosesAt) return ("大赛已结束", null);
        var upcoming = contest.Rounds.OrderBy(r => r.Sequence).FirstOrDefault(r => r.SubmissionOpensAt > now);
        return upcoming is null ? ("评审进行中", null) : ("等待{0}开始", upcoming.Name);
    }

    /// <summary>Whole days, hours and minutes left (never negative), for the server-rendered countdown.</summary>
    public static (int Days, int Hours, int Minutes) Remaining(DateTimeOffset until, DateTimeOffset now)
    {
        var left = until - now;
        if (left < TimeSpan.Zero) left = TimeSpan.Zero;
        return (left.Days, left.Hours, left.Minutes);
    }
}
