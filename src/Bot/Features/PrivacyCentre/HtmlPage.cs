using System.Net;
using System.Text;
using ChatCrm.Bot.Cards;
using ChatCrm.Domain.Common;

namespace ChatCrm.Bot.Features.PrivacyCentre;

/// <summary>An antiforgery token to put in a form, as ASP.NET Core's antiforgery issued it for this browser.</summary>
public sealed record FormToken(string FieldName, string Value)
{
    public string Hidden => $"<input type=\"hidden\" name=\"{HtmlPage.E(FieldName)}\" value=\"{HtmlPage.E(Value)}\">";
}

/// <summary>
/// One server-rendered privacy centre page: the language in <c>&lt;html lang&gt;</c>, a skip link, the language switch,
/// one <c>&lt;main&gt;</c> and the shared style sheet. No script, nothing from another site. Every text is encoded with
/// <see cref="E"/>; only fragments built here are added raw. Another page of the customer-facing app (the satisfaction
/// survey) names itself with <paramref name="brand"/>; without it the page is the privacy centre's.
/// </summary>
public sealed class HtmlPage(LanguageCode language, string title, string switchPath, LocalizedText? brand = null)
{
    private readonly StringBuilder _main = new();

    public LanguageCode Language { get; } = language;

    public static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    public string T(string english, string spanish) => Language.Pick(english, spanish);

    private string Brand => brand?.In(Language) ?? T("Privacy centre", "Centro de privacidad");

    public HtmlPage Heading(string text, int level = 2, string? id = null)
    {
        var idAttribute = id is null ? string.Empty : $" id=\"{E(id)}\"";
        _main.Append(System.Globalization.CultureInfo.InvariantCulture, $"<h{level}{idAttribute}>{E(text)}</h{level}>\n");
        return this;
    }

    public HtmlPage Paragraph(string text, string? cssClass = null)
    {
        _main.Append(cssClass is null ? "<p>" : $"<p class=\"{E(cssClass)}\">").Append(E(text)).Append("</p>\n");
        return this;
    }

    /// <summary>Adds markup built by this feature's page builders (already encoded).</summary>
    public HtmlPage Markup(string html)
    {
        _main.Append(html).Append('\n');
        return this;
    }

    /// <summary>A definition list of label → value pairs.</summary>
    public HtmlPage Facts(IEnumerable<(string Label, string? Value)> facts)
    {
        _main.Append("<dl class=\"facts\">");
        foreach (var (label, value) in facts)
            _main.Append("<dt>").Append(E(label)).Append("</dt><dd>").Append(E(string.IsNullOrEmpty(value) ? "—" : value)).Append("</dd>");
        _main.Append("</dl>\n");
        return this;
    }

    /// <summary>A table with a caption and column headers, scrollable on its own on a narrow screen.</summary>
    public HtmlPage Table(string caption, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows, string empty)
    {
        var list = rows.ToList();
        if (list.Count == 0)
            return Paragraph(empty, "empty");
        _main.Append("<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-label=\"").Append(E(caption)).Append("\"><table><caption>").Append(E(caption)).Append("</caption><thead><tr>");
        foreach (var header in headers)
            _main.Append("<th scope=\"col\">").Append(E(header)).Append("</th>");
        _main.Append("</tr></thead><tbody>");
        foreach (var row in list)
        {
            _main.Append("<tr>");
            foreach (var cell in row)
                _main.Append("<td>").Append(E(string.IsNullOrEmpty(cell) ? "—" : cell)).Append("</td>");
            _main.Append("</tr>");
        }
        _main.Append("</tbody></table></div>\n");
        return this;
    }

    public string Render(string? signOutForm = null)
    {
        var other = Language == LanguageCode.Spanish ? ("en", "English") : ("es", "Español");
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(Language.Value).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"referrer\" content=\"no-referrer\">\n")
            .Append("<title>").Append(E(title)).Append(" · ").Append(E(Brand)).Append("</title>\n")
            .Append("<link rel=\"stylesheet\" href=\"").Append(PrivacyCentreRoutes.Style).Append("\">\n</head>\n<body>\n")
            .Append("<a class=\"skip\" href=\"#main\">").Append(E(T("Skip to content", "Ir al contenido"))).Append("</a>\n")
            .Append("<header><p class=\"brand\">").Append(E(Brand)).Append("</p><nav aria-label=\"")
            .Append(E(T("Language", "Idioma"))).Append("\"><a href=\"").Append(E(switchPath)).Append("?lang=").Append(other.Item1)
            .Append("\" lang=\"").Append(other.Item1).Append("\" hreflang=\"").Append(other.Item1).Append("\">").Append(other.Item2).Append("</a></nav>")
            .Append(signOutForm ?? string.Empty).Append("</header>\n")
            .Append("<main id=\"main\" tabindex=\"-1\">\n<h1>").Append(E(title)).Append("</h1>\n").Append(_main).Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    public IResult Result(int statusCode = StatusCodes.Status200OK, string? signOutForm = null) =>
        Results.Content(Render(signOutForm), "text/html; charset=utf-8", Encoding.UTF8, statusCode);
}
