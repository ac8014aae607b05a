using ContestSite.Web.Gallery;
using ContestSite.Web.Gallery.UseCases;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.Options;

namespace ContestSite.Web.Tests.Gallery;

public sealed class GalleryLikeLimiterTests
{
    private readonly FakeTimeProvider _clock = new();

    private GalleryLikeLimiter Limiter(int perMinute) => new(Options.Create(new GalleryOptions { LikesPerMinute = perMinute }), _clock);

    [Fact]
    public void An_account_gets_its_allowance_per_window_and_another_account_has_its_own()
    {
        var limiter = Limiter(2);

        Assert.True(limiter.TryAcquire("a"));
        Assert.True(limiter.TryAcquire("a"));
        Assert.False(limiter.TryAcquire("a"));
        Assert.True(limiter.TryAcquire("b"));
    }

    [Fact]
    public void The_window_is_fixed_from_the_first_like_and_reopens_a_minute_later()
    {
        var limiter = Limiter(1);
        Assert.True(limiter.TryAcquire("a"));

        _clock.Advance(TimeSpan.FromSeconds(59));
        Assert.False(limiter.TryAcquire("a"));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(limiter.TryAcquire("a"));
    }

    [Fact]
    public void A_clock_set_back_before_the_window_starts_a_new_window()
    {
        // FakeTimeProvider only moves forward; a wall clock corrected backwards is played by SetBackClock.
        var clock = new SetBackClock(DateTimeOffset.UtcNow);
        var limiter = new GalleryLikeLimiter(Options.Create(new GalleryOptions { LikesPerMinute = 1 }), clock);
        Assert.True(limiter.TryAcquire("a"));

        clock.Now -= TimeSpan.FromHours(1);

        Assert.True(limiter.TryAcquire("a"));
    }

    private sealed class SetBackClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public void Accounts_whose_window_has_passed_are_forgotten()
    {
        var limiter = Limiter(5);
        for (var i = 0; i < 1000; i++) limiter.TryAcquire($"account-{i}");
        Assert.Equal(1000, limiter.TrackedAccounts);

        _clock.Advance(GalleryLikeLimiter.Window);
        limiter.TryAcquire("late");

        Assert.Equal(1, limiter.TrackedAccounts);
    }
}
