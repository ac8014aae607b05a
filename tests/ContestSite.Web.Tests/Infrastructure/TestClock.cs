namespace ContestSite.Web.Tests.Infrastructure;

/// <summary>A clock the test moves by hand; starts at the real time so cookies and tokens look normal.</summary>
public sealed class TestClock : TimeProvider
{
    private DateTimeOffset _now = DateTimeOffset.UtcNow;
    private readonly object _gate = new();

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate) return _now;
    }

    public void Advance(TimeSpan by)
    {
        lock (_gate) _now += by;
    }

    public void Set(DateTimeOffset moment)
    {
        lock (_gate) _now = moment.ToUniversalTime();
    }
}
