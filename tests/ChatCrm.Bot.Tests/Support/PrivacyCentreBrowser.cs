using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ChatCrm.Bot.Tests.Support;

/// <summary>A page the privacy centre answered with.</summary>
public sealed record WebPage(HttpStatusCode Status, string Html, HttpResponseMessage Response)
{
    public WebPage ShouldShow(params string[] fragments)
    {
        foreach (var fragment in fragments)
            Assert.Contains(WebUtility.HtmlEncode(fragment), Html, StringComparison.Ordinal);
        return this;
    }
}

/// <summary>
/// A browser in HTTP terms, for the privacy centre: https to the in-memory host, cookies kept, redirects not followed
/// (so tests see them), and each form posted with the antiforgery token the last page carried.
/// </summary>
public sealed partial class PrivacyCentreBrowser(ChatCrmApp app)
{
    private readonly HttpClient _http = app.CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("https://localhost"),
        HandleCookies = true,
        AllowAutoRedirect = false,
    });

    public WebPage? Last { get; private set; }

    public HttpClient Http => _http;

    public async Task<WebPage> GetAsync(string path)
    {
        var response = await _http.GetAsync(new Uri(path, UriKind.Relative));
        return Last = new WebPage(response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    /// <summary>Posts a form with the antiforgery token of the last page (unless <paramref name="withToken"/> is false).</summary>
    public async Task<WebPage> PostAsync(string path, bool withToken = true, params (string Name, string Value)[] fields)
    {
        var values = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToList();
        if (withToken)
            values.Add(new("__antiforgery", AntiforgeryToken()));
        using var content = new FormUrlEncodedContent(values);
        var response = await _http.PostAsync(new Uri(path, UriKind.Relative), content);
        return Last = new WebPage(response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    public Task<WebPage> PostAsync(string path, params (string Name, string Value)[] fields) => PostAsync(path, true, fields);

    private string AntiforgeryToken()
    {
        var match = TokenField().Match(Last?.Html ?? string.Empty);
        Assert.True(match.Success, "The last page had no form with an antiforgery token.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__antiforgery\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
