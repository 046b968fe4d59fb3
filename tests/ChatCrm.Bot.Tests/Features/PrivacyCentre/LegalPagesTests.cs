using System.Net;
using ChatCrm.Bot.Features.PrivacyCentre;
using ChatCrm.Bot.Tests.Support;
using ChatCrm.Domain.Customers;
using ChatCrm.Infrastructure.Persistence;

namespace ChatCrm.Bot.Tests.Features.PrivacyCentre;

/// <summary>
/// The addresses the Teams package and shared messages point browsers at answer in a browser: <c>/privacy</c> and
/// <c>/terms</c> (built in, in both languages, or the operator's own file), and <c>/customers/{id}</c>, which explains
/// what the link is without a word of the customer, the same whether or not the id exists.
/// </summary>
public sealed class LegalPagesTests : BotTestBase, IAsyncLifetime
{
    private readonly string _ownTerms = Path.Combine(Path.GetTempPath(), $"chatcrm-terms-{Guid.NewGuid():N}.html");
    private Customer _maria = null!;

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["LegalPages:Controller"] = "Ferretería Núñez S.L.",
        ["LegalPages:ContactEmail"] = "privacidad@ferreteria.example",
        ["LegalPages:TermsFile"] = _ownTerms,
    };

    protected override async Task ArrangeAsync(CrmDbContext db)
    {
        await File.WriteAllTextAsync(_ownTerms, "<!DOCTYPE html><html lang=\"es\"><title>Nuestras condiciones</title><p>Texto propio de la empresa.</p></html>");
        _maria = await db.AddCustomerAsync("María Núñez", "Acme Ibérica", owner: await db.AddRepAsync(CrmData.Ana));
    }

    [Fact]
    public async Task Privacy_BuiltIn_NamesTheControllerInBothLanguages_WithTheSecurityHeaders()
    {
        var english = await App.CreateClient().GetAsync(new Uri(LegalPages.Privacy, UriKind.Relative));
        var spanish = await App.CreateClient().GetAsync(new Uri(LegalPages.Privacy + "?lang=es", UriKind.Relative));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (english.StatusCode, spanish.StatusCode));
        var text = await english.Content.ReadAsStringAsync();
        Assert.Contains("Privacy statement", text, StringComparison.Ordinal);
        Assert.Contains("Ferretería Núñez S.L. is responsible for the data it holds", System.Net.WebUtility.HtmlDecode(text), StringComparison.Ordinal);
        Assert.Contains("mailto:privacidad@ferreteria.example", text, StringComparison.Ordinal);
        Assert.Contains("Declaración de privacidad", System.Net.WebUtility.HtmlDecode(await spanish.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", english.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Terms_TheOperatorsOwnFile_IsServedInstead()
    {
        var response = await App.CreateClient().GetAsync(new Uri(LegalPages.Terms, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Texto propio de la empresa.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CustomerLink_InABrowser_ExplainsItselfAndShowsNothingOfTheCustomer()
    {
        var known = await App.CreateClient().GetAsync(new Uri($"/customers/{_maria.Id.Value}", UriKind.Relative));
        var unknown = await App.CreateClient().GetAsync(new Uri($"/customers/{Guid.NewGuid()}", UriKind.Relative));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (known.StatusCode, unknown.StatusCode));
        var page = await known.Content.ReadAsStringAsync();
        Assert.Contains("Paste it in a Teams chat", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Núñez", System.Net.WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Equal(page, await unknown.Content.ReadAsStringAsync());
    }

    /// <summary>As `dotnet run` serves it (http://127.0.0.1:3978): the privacy centre says to use HTTPS instead of failing with a 500.</summary>
    [Fact]
    public async Task PrivacyCentre_OverPlainHttp_SaysToUseHttps()
    {
        var response = await App.CreateClient().GetAsync(new Uri("/privacy-centre?lang=es", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("solo se abre por HTTPS", System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        File.Delete(_ownTerms);
    }
}
