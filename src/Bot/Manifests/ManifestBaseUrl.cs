namespace ChatCrm.Bot.Manifests;

/// <summary>
/// The public address Teams and Slack call the bot at. Both platforms only call https endpoints, and every URL in a
/// manifest is built by appending a path to it, so it must be an absolute https URL with a host and nothing after the
/// path (no query, fragment or credentials).
/// </summary>
public static class ManifestBaseUrl
{
    /// <summary>The URL without a trailing slash, or null with a problem naming <paramref name="field"/>.</summary>
    public static Uri? Parse(string? value, string field, ICollection<ManifestProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(new ManifestProblem(field, "is required: the public https address of the bot, e.g. https://crm.example.com."));
            return null;
        }
        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http") || url.Host.Length == 0)
        {
            problems.Add(new ManifestProblem(field, $"'{value}' is not an absolute URL such as https://crm.example.com."));
            return null;
        }
        if (url.Scheme != Uri.UriSchemeHttps)
        {
            problems.Add(new ManifestProblem(field, $"'{value}' must use https: Teams and Slack call only https endpoints (use a tunnel for trials)."));
            return null;
        }
        if (url.Query.Length > 0 || url.Fragment.Length > 0 || url.UserInfo.Length > 0)
        {
            problems.Add(new ManifestProblem(field, $"'{value}' must not carry a query, a fragment or credentials."));
            return null;
        }
        return new Uri(url.GetLeftPart(UriPartial.Path).TrimEnd('/'));
    }

    /// <summary>The text to put before a path: the URL without its trailing slash.</summary>
    public static string Text(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.AbsoluteUri.TrimEnd('/');
    }
}
