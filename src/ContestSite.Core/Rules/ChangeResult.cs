namespace ContestSite.Core.Rules;

/// <summary>
/// What a change an organizer or a visitor asked for came to (save, delete, publish, like): the id of what was
/// changed, or the refusals that stopped it, each a rule's message (a localizer key) with its arguments.
/// A form shows every refusal; a list action shows the first.
/// </summary>
public sealed record ChangeResult(int Id, IReadOnlyList<RuleResult> Refusals)
{
    public bool Saved => Refusals.Count == 0;

    public static ChangeResult Done(int id) => new(id, []);

    public static ChangeResult Refuse(string message, params object[] arguments) => new(0, [RuleResult.Refuse(message, arguments)]);

    public static ChangeResult Refuse(RuleResult refusal) => new(0, [refusal]);

    /// <summary>Several problems found at once (a form's checks), none with arguments.</summary>
    public static ChangeResult Refuse(IEnumerable<string> messages) => new(0, messages.Select(m => RuleResult.Refuse(m)).ToList());
}
