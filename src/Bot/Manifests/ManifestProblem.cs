namespace ChatCrm.Bot.Manifests;

/// <summary>
/// One reason a manifest is refused: where (a JSON path such as <c>$.bots[0].botId</c>, or the option's name) and
/// what is wrong, so an admin can fix the right field instead of guessing from Teams' or Slack's upload error.
/// </summary>
public sealed record ManifestProblem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>What a builder produced, or why it produced nothing: an artefact is returned only when there is no problem.</summary>
public sealed record ManifestBuild<T>(T? Artefact, IReadOnlyList<ManifestProblem> Problems)
    where T : class
{
    public bool IsValid => Artefact is not null && Problems.Count == 0;
}

/// <summary>The two ways a build ends.</summary>
public static class ManifestBuild
{
    public static ManifestBuild<T> Refused<T>(IEnumerable<ManifestProblem> problems)
        where T : class => new(null, problems.ToList());

    public static ManifestBuild<T> Built<T>(T artefact)
        where T : class => new(artefact, []);
}
