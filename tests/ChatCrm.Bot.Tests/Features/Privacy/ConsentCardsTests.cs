using ChatCrm.Bot.Features.Privacy;
using ChatCrm.Bot.Cards;
using ChatCrm.Domain.Common;
using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Customers;
using ChatCrm.Infrastructure.Consents;

namespace ChatCrm.Bot.Tests.Features.Privacy;

/// <summary>The privacy summary card, ready for the profile card: every purpose and channel, in the reader's language.</summary>
public sealed class ConsentCardsTests
{
    private static readonly Customer Begona = new(CustomerId.New(), "Begoña Ibáñez", "Ordóñez y Castañeda S.L.", CountryCode.Parse("ES"), LanguageCode.Spanish,
        new DateTimeOffset(2025, 11, 3, 9, 0, 0, TimeSpan.Zero));

    private static ConsentSummary Summary(string country = "ES") =>
        ConsentSummary.Of(new ConsentSubject(ConsentPolicyFile.LoadShipped().For(CountryCode.Parse(country)),
            [ConsentRecord.Grant(Begona.Id, ConsentPurpose.Marketing, ContactChannel.Email, "formulario web", new DateTimeOffset(2025, 11, 4, 10, 0, 0, TimeSpan.Zero))],
            HadPriorPersonalContact: false));

    [Fact]
    public void Summary_Spanish_ASectionPerPurposeAndAFactPerChannel()
    {
        var card = ConsentCards.Summary(Begona, Summary(), LanguageCode.Spanish);

        Assert.Equal("Privacidad de Begoña Ibáñez", card.Title);
        Assert.Equal(["Mensajes de servicio", "Comunicaciones comerciales", "Elaboración de perfiles"], card.Body.OfType<CardSection>().Select(s => s.Heading));
        var facts = card.Body.OfType<CardFacts>().ToList();
        Assert.All(facts, f => Assert.Equal(["Correo electrónico", "Teléfono", "SMS", "Chat", "Correo postal"], f.Facts.Select(x => x.Label)));
        Assert.Equal("✅ sí — dio su consentimiento a comunicaciones comerciales por correo electrónico el 04/11/2025 (formulario web)", facts[1].Facts[0].Value);
        Assert.StartsWith("⛔ no — no hay consentimiento registrado", facts[1].Facts[2].Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_English_SameDecisionsInEnglish()
    {
        var card = ConsentCards.Summary(Begona, Summary(), LanguageCode.English);

        Assert.Equal("Privacy preferences of Begoña Ibáñez", card.Title);
        Assert.Contains(card.Body.OfType<CardFacts>().SelectMany(f => f.Facts), f => f.Value == "⛔ no — no consent to marketing by SMS on record, and ES requires opt-in");
    }

    [Fact]
    public void Summary_UnlistedCountry_SaysTheStrictestRulesApply()
    {
        var card = ConsentCards.Summary(Begona, Summary("JP"), LanguageCode.English);

        Assert.Contains(card.Body.OfType<CardText>(), t => t.Text == "JP is not in the consent policy table: the strictest rules apply.");
    }
}
