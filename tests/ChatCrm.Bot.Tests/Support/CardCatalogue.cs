using ChatCrm.Bot.Features.Customers;
using ChatCrm.Bot.Features.Digests;
using ChatCrm.Bot.Features.Help;
using ChatCrm.Bot.Features.Interactions;
using ChatCrm.Bot.Features.Privacy;
using ChatCrm.Bot.Cards;
using ChatCrm.Domain.Access;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Interactions;
using ChatCrm.Domain.Kpis;
using ChatCrm.Domain.Users;

namespace ChatCrm.Bot.Tests.Support;

/// <summary>
/// Every card the bot can emit, built with realistic and with worst-case data (the longest texts the rules allow),
/// in both languages, for the schema and the official parser to check.
/// </summary>
public static class CardCatalogue
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    public static IEnumerable<(string Name, Card Card)> All()
    {
        foreach (var language in new[] { LanguageCode.English, LanguageCode.Spanish })
        {
            var l = language.Value;
            yield return ($"help {l}", HelpCards.Help());
            yield return ($"help for a privacy officer {l}", HelpCards.Help(role: UserRole.PrivacyOfficer));
            yield return ($"welcome {l}", HelpCards.Welcome());
            yield return ($"not understood {l}", HelpCards.NotUnderstood(new string('x', 500)));
            yield return ($"ask customer {l}", LogDialogCards.AskCustomer(language));
            yield return ($"ask kind {l}", LogDialogCards.AskKind("Ana García", language));
            yield return ($"ask summary {l}", LogDialogCards.AskSummary("Ana García", language));
            yield return ($"ask outcome {l}", LogDialogCards.AskOutcome("Ana García", language));
            yield return ($"ask follow-up {l}", LogDialogCards.AskFollowUp("Ana García", language));
            yield return ($"not found {l}", CustomerCards.NotFound("\"quoted\" <b>html</b>", language, offerNew: true));
            yield return ($"no access {l}", CustomerCards.NoAccess("You don't have access to ChatCrm yet.", language));
            yield return ($"log form {l}", LogFormCards.Form(language, Guid.NewGuid(), Today));
            yield return ($"log form for a customer {l}", LogFormCards.Form(language, Guid.NewGuid(), Today, Customer()));
            yield return ($"log form with errors {l}", LogFormCards.Form(language, Guid.NewGuid(), Today, null, LongestInput(), EveryFieldWrong()));
            yield return ($"logged {l}", InteractionCards.Logged(Customer(), LongestInteraction(), language, TimeZoneInfo.Utc));
            yield return ($"profile, full access {l}", CustomerCards.Profile(Customer(), new AccessGrant(CustomerField.All, new LocalizedText("owner", "propietario")), Snapshot(), mayLog: true, language));
            yield return ($"profile, basic access {l}", CustomerCards.Profile(Customer(), new AccessGrant(CustomerField.BasicContact, new LocalizedText("another team's account", "cuenta de otro equipo")), Snapshot(), mayLog: false, language));
            yield return ($"history, a full page {l}", InteractionCards.History(Customer(),
                Enumerable.Range(0, InteractionCards.HistoryPageSize).Select(_ => new LastContact(LongestInteraction(), "Ana García")).ToList(),
                pageNumber: 3, olderExist: true, total: 40, language, TimeZoneInfo.Utc));
            yield return ($"kpis, every section full {l}", KpiCards.Kpis(FullKpis(), language, TimeZoneInfo.Utc));
            yield return ($"digest, every section full {l}", DigestCards.Digest(new DigestContent("Carmen Ruiz", FullKpis()), language, TimeZoneInfo.FindSystemTimeZoneById("America/Argentina/Buenos_Aires")));
            yield return ($"kpis with charts, every section full {l}", KpiCards.Kpis(FullKpis(), language, TimeZoneInfo.Utc, ChartCardSamples.Images(language)));
            yield return ($"digest with charts {l}", DigestCards.Digest(new DigestContent("Carmen Ruiz", FullKpis()) { Charts = ChartCardSamples.Images(language) }, language, TimeZoneInfo.Utc));
            yield return ($"kpis, empty team {l}", KpiCards.Kpis(new TeamKpis(Period(), [], new KpiList<OverdueFollowUp>(0, []), new KpiList<AtRiskCustomer>(0, []),
                new CaseAlerts(0, 0, []), new OfferResponses(0, 0, 0), new KpiList<NewCustomer>(0, []))
                {
                    CustomerBase = new CustomerBaseKpis(new CustomerCounts(0, 0), new ValuePerCustomer(0m, 0, 0m, 0, "EUR"), new Retention(0, 0), new SatisfactionScores(0, 0, 0, 0)),
                }, language, TimeZoneInfo.Utc));
            yield return ($"satisfaction alert {l}", Bot.Features.Satisfaction.SatisfactionCards.Answer(AnsweredSurvey(), "C-1A2B3C4D", "María Núñez Ibáñez de la Fuente y Castañeda",
                "Ana García", alert: true, language));
            yield return ($"history, empty {l}", InteractionCards.History(Customer(), [], 0, olderExist: false, total: 0, language, TimeZoneInfo.Utc));
            foreach (var (name, card) in ConsentChangeCatalogue(language))
                yield return ($"{name} {l}", card);
            foreach (var (name, card) in AdminCardCatalogue.All(language))
                yield return ($"{name} {l}", card);
            foreach (var (name, card) in HandOverCardCatalogue.All(language))
                yield return ($"{name} {l}", card);
            foreach (var (name, card) in SettingsCardCatalogue.All(language))
                yield return ($"{name} {l}", card);
            foreach (var (name, card) in CustomerUpkeepCardCatalogue.All(language))
                yield return ($"{name} {l}", card);
            foreach (var (name, card) in LogCorrectionCardCatalogue.All(language))
                yield return ($"{name} {l}", card);
        }
    }

    /// <summary>The privacy card with its "Record a change", the consent change form (also with every field wrong) and its answers.</summary>
    private static IEnumerable<(string Name, Card Card)> ConsentChangeCatalogue(LanguageCode language)
    {
        var unlisted = CountryConsentPolicy.Strictest(CountryCode.Parse("JP"));
        var subject = new ConsentSubject(unlisted, [], HadPriorPersonalContact: false);
        yield return ("privacy preferences", ConsentCards.Summary(Customer(), ConsentSummary.Of(subject), language));
        yield return ("consent change form", ConsentChangeCards.Form(Customer(), Today, language));
        var wrong = new Dictionary<string, string>
        {
            [ConsentChangeReader.ActionField] = new string('x', 200), [ConsentChangeReader.PurposeField] = "x", [ConsentChangeReader.ChannelField] = "x",
            [ConsentChangeReader.HowField] = "x", [ConsentChangeReader.DateField] = "2999-01-01",
        };
        var (_, errors) = ConsentChangeReader.FromValues(wrong, Today, language);
        yield return ("consent change form with errors", ConsentChangeCards.Form(Customer(), Today, language, wrong, errors));
        var withdrawal = new ConsentChange(ConsentPurpose.Marketing, ContactChannel.Email, Granted: false, ConsentExpression.InPerson, Today);
        var decision = ConsentRules.Evaluate(subject, new Outreach(ConsentPurpose.Marketing, ContactChannel.Email));
        yield return ("consent recorded, withdrawal", ConsentChangeCards.Recorded(Customer(), withdrawal, decision, unlisted, language));
        var grant = withdrawal with { Purpose = ConsentPurpose.Service, Granted = true, How = null };
        yield return ("consent recorded, grant", ConsentChangeCards.Recorded(Customer(), grant, decision, unlisted, language));
    }

    /// <summary>A large team's KPIs: ten lines in every section (the default), with long names, and more not shown.</summary>
    public static TeamKpis FullKpis()
    {
        var name = "María Núñez Ibáñez de la Fuente y Castañeda";
        var lines = Enumerable.Range(1, 10).ToList();
        var reason = new LocalizedText("12-month value down 80% (1,234,567 EUR → 246,913 EUR)", "valor a 12 meses un 80% menor (1,234,567 EUR → 246,913 EUR)");
        return new TeamKpis(Period(),
            lines.Select(i => new RepActivity($"Rep {i} {name}", Enum.GetValues<InteractionChannel>().ToDictionary(c => c, c => i * (int)c))).ToList(),
            new KpiList<OverdueFollowUp>(40, lines.Select(i => new OverdueFollowUp(CustomerId.New(), $"{name} {i}", $"Rep {i} {name}", Today.AddDays(-i), i)).ToList()),
            new KpiList<AtRiskCustomer>(35, lines.Select(i => new AtRiskCustomer(CustomerId.New(), $"{name} {i}", Domain.Tiers.ValueTier.Platinum, RiskKind.FallingValue, reason)).ToList()),
            new CaseAlerts(12, 8, lines.Select(i => new CaseAtRisk($"C-{i:D8}", CustomerId.New(), $"{name} {i}", CaseSlaWatch.Near,
                new LocalizedText("91% of its SLA used, 1 h left", "91% del SLA consumido, quedan 1 h"))).ToList()),
            new OfferResponses(120, 80, 33),
            new KpiList<NewCustomer>(25, lines.Select(i => new NewCustomer(CustomerId.New(), $"{name} {i}", $"Rep {i} {name}", DateTimeOffset.UtcNow.AddDays(-i))).ToList()))
        {
            CustomerBase = new CustomerBaseKpis(new CustomerCounts(12_345, 9_876), new ValuePerCustomer(12_345_678m, 9_876, 11_000_000m, 9_500, "EUR"),
                new Retention(8_000, 6_400), new SatisfactionScores(3_000, 1_200, 4_800, 900)),
        };
    }

    /// <summary>A survey answered with the lowest score and the longest comment, with Markdown in it.</summary>
    private static Domain.Satisfaction.SatisfactionSurvey AnsweredSurvey()
    {
        var now = DateTimeOffset.UtcNow;
        var survey = Domain.Satisfaction.SatisfactionSurvey.Queue(Domain.Cases.SupportCaseId.New(), CustomerId.New(), 2, UserId.New(), now);
        survey.Issue("hash", now, TimeSpan.FromDays(14));
        survey.MarkSent(now);
        survey.Answer(new Domain.Satisfaction.SatisfactionAnswer(1, "*Nobody* called [back](http://example.com) " + new string('x', 950)), now);
        return survey;
    }

    private static KpiPeriod Period() => KpiPeriod.Ending(new DateTimeOffset(2026, 11, 24, 7, 0, 0, TimeSpan.Zero), KpiSpan.Week);

    public static Customer Customer()
    {
        var customer = new Customer(CustomerId.New(), "María Núñez Ibáñez", "Acme Ibérica S.L.", CountryCode.Parse("ES"), LanguageCode.Spanish, DateTimeOffset.UtcNow.AddYears(-1));
        customer.AddIdentity(IdentityKind.Email, "maria.nunez@acme.es");
        customer.AddIdentity(IdentityKind.Phone, "+34 600 123 456");
        return customer;
    }

    public static Interaction LongestInteraction() => Interaction.Log(CustomerId.New(), UserId.New(), DateTimeOffset.UtcNow.AddDays(-2), DateTimeOffset.UtcNow,
        InteractionChannel.Phone, InteractionKind.Call, new string('ñ', Interaction.MaxSummaryLength), new string('é', Interaction.MaxOutcomeLength),
        DateOnly.FromDateTime(DateTime.UtcNow.AddDays(3)));

    private static CustomerSnapshot Snapshot()
    {
        var last = LongestInteraction();
        var consents = ConsentSummary.Of(new ConsentSubject(CountryConsentPolicy.Strictest(CountryCode.Parse("ES")), [], HadPriorPersonalContact: false));
        return new CustomerSnapshot(12, new LastContact(last, "Ana García"), FollowUp.OpenAmong([last]), Today, TimeZoneInfo.Utc) { Consents = consents };
    }

    private static LogFormInput LongestInput() => new(new string('a', 200), "nonsense", new string('ñ', Interaction.MaxSummaryLength + 5),
        new string('é', Interaction.MaxOutcomeLength + 5), "someday", "Pigeon", "yesterday-ish");

    private static Dictionary<string, string> EveryFieldWrong() => new[]
    {
        LogForm.Customer, LogForm.Kind, LogForm.Channel, LogForm.Date, LogForm.Summary, LogForm.Outcome, LogForm.FollowUp,
    }.ToDictionary(f => f, f => $"{f}: " + new string('x', 150));
}
