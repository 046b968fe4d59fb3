using ChatCrm.Domain.Common;
using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Customers;

namespace ChatCrm.Domain.Tests.Consents;

/// <summary>The consent rule on real-looking customers, read in English and in Spanish.</summary>
public sealed class ConsentRulesTests
{
    private static readonly CustomerId Lucia = CustomerId.New();
    private static readonly DateTimeOffset January = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset February = new(2026, 2, 20, 12, 0, 0, TimeSpan.Zero);
    private static readonly Outreach MarketingEmail = new(ConsentPurpose.Marketing, ContactChannel.Email);

    private static ConsentRecord Grant(DateTimeOffset at, ContactChannel channel = ContactChannel.Email, ConsentPurpose purpose = ConsentPurpose.Marketing) =>
        ConsentRecord.Grant(Lucia, purpose, channel, "formulario web", at);

    private static ConsentRecord Withdraw(DateTimeOffset at, ContactChannel channel = ContactChannel.Email, ConsentPurpose purpose = ConsentPurpose.Marketing) =>
        ConsentRecord.Withdraw(Lucia, purpose, channel, "enlace de baja del correo", at);

    private static ConsentDecision Evaluate(CountryConsentPolicy policy, Outreach outreach, bool metBefore = false, params ConsentRecord[] history) =>
        ConsentRules.Evaluate(new ConsentSubject(policy, history, metBefore), outreach);

    [Fact]
    public void Evaluate_SpanishCustomerWithoutRecords_MarketingEmailDeniedByOptIn()
    {
        var decision = Evaluate(TestPolicies.Spain, MarketingEmail);

        Assert.False(decision.Allowed);
        Assert.Equal(ConsentRule.OptInDefault, decision.Rule);
        Assert.Equal("no hay consentimiento registrado para comunicaciones comerciales por correo electrónico y en ES se exige consentimiento previo", decision.Reason.In(LanguageCode.Spanish));
        Assert.Equal("no consent to marketing by e-mail on record, and ES requires opt-in", decision.Reason.In(LanguageCode.English));
    }

    [Fact]
    public void Evaluate_UsCustomerWithoutRecords_MarketingEmailAllowedByOptOut()
    {
        var decision = Evaluate(TestPolicies.UnitedStates, MarketingEmail);

        Assert.True(decision.Allowed);
        Assert.Equal(ConsentRule.OptOutDefault, decision.Rule);
        Assert.Equal("no objection to marketing by e-mail on record, and US allows it until the customer opts out", decision.Reason.English);
        Assert.Equal("no consta oposición a comunicaciones comerciales por correo electrónico y en US se permite mientras el cliente no se oponga", decision.Reason.Spanish);
    }

    [Fact]
    public void Evaluate_UsCustomerWithoutRecords_MarketingTextDeniedBecauseSmsIsOptIn()
    {
        var decision = Evaluate(TestPolicies.UnitedStates, new Outreach(ConsentPurpose.Marketing, ContactChannel.Sms));

        Assert.False(decision.Allowed);
        Assert.Equal("no consent to marketing by SMS on record, and US requires opt-in", decision.Reason.English);
    }

    [Fact]
    public void Evaluate_UsCustomerWhoUnsubscribed_DeniedDespiteOptOutRegime()
    {
        var decision = Evaluate(TestPolicies.UnitedStates, MarketingEmail, history: ConsentRecord.Withdraw(Lucia, ConsentPurpose.Marketing, ContactChannel.Email, "unsubscribe link", February));

        Assert.False(decision.Allowed);
        Assert.Equal(ConsentRule.RecordedWithdrawal, decision.Rule);
        Assert.Equal("withdrew consent to marketing by e-mail on 2026-02-20 (unsubscribe link)", decision.Reason.English);
    }

    [Fact]
    public void Evaluate_Granted_AllowedWithDateAndSourceInBothLanguages()
    {
        var decision = Evaluate(TestPolicies.Spain, MarketingEmail, history: Grant(January));

        Assert.True(decision.Allowed);
        Assert.Equal(ConsentRule.RecordedGrant, decision.Rule);
        Assert.Equal("opted in to marketing by e-mail on 2026-01-15 (formulario web)", decision.Reason.English);
        Assert.Equal("dio su consentimiento a comunicaciones comerciales por correo electrónico el 15/01/2026 (formulario web)", decision.Reason.Spanish);
    }

    [Fact]
    public void Evaluate_GrantThenWithdrawn_DeniedSayingWhen()
    {
        var decision = Evaluate(TestPolicies.Spain, MarketingEmail, history: [Grant(January), Withdraw(February)]);

        Assert.False(decision.Allowed);
        Assert.Equal("retiró su consentimiento a comunicaciones comerciales por correo electrónico el 20/02/2026 (enlace de baja del correo)", decision.Reason.Spanish);
    }

    [Fact]
    public void Evaluate_WithdrawnThenGrantedAgain_NewestRecordWinsWhateverTheOrder()
    {
        var decision = Evaluate(TestPolicies.Spain, MarketingEmail, history: [Grant(February), Withdraw(January)]);

        Assert.True(decision.Allowed);
        Assert.Contains("2026-02-20", decision.Reason.English, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_GrantAndWithdrawalAtTheSameInstant_WithdrawalWins()
    {
        var decision = Evaluate(TestPolicies.UnitedStates, MarketingEmail, history: [Withdraw(January), Grant(January)]);

        Assert.False(decision.Allowed);
        Assert.Equal(ConsentRule.RecordedWithdrawal, decision.Rule);
    }

    [Fact]
    public void Evaluate_GrantOnAnotherChannelOrPurpose_DoesNotCount()
    {
        var decision = Evaluate(TestPolicies.Spain, MarketingEmail, history: [Grant(January, ContactChannel.Sms), Grant(January, purpose: ConsentPurpose.Profiling)]);

        Assert.Equal(ConsentRule.OptInDefault, decision.Rule);
    }

    [Fact]
    public void Evaluate_PartnerIncentiveWhereForbidden_DeniedEvenWithAGrant()
    {
        var financing = new Outreach(ConsentPurpose.Marketing, ContactChannel.Email, "Banco Meridiano");

        var decision = Evaluate(TestPolicies.Argentina, financing, history: Grant(January));

        Assert.False(decision.Allowed);
        Assert.Equal(ConsentRule.PartnerIncentiveForbidden, decision.Rule);
        Assert.Equal("en AR no se permiten ofertas con incentivos de una empresa asociada (Banco Meridiano)", decision.Reason.Spanish);
        Assert.Equal("offers with an incentive tied to a partner company (Banco Meridiano) are not allowed in AR", decision.Reason.English);
    }

    [Fact]
    public void Evaluate_PartnerIncentiveWhereAllowed_FollowsTheConsent()
    {
        var financing = new Outreach(ConsentPurpose.Marketing, ContactChannel.Email, "Banco Meridiano");

        Assert.True(Evaluate(TestPolicies.Spain, financing, history: Grant(January)).Allowed);
        Assert.False(Evaluate(TestPolicies.Spain, financing).Allowed);
    }

    [Fact]
    public void Evaluate_MarketingEmailBeforeAnyVisitCallOrMeeting_DeniedWhereRequired()
    {
        var decision = Evaluate(TestPolicies.Mexico, MarketingEmail, metBefore: false, history: Grant(January));

        Assert.False(decision.Allowed);
        Assert.Equal(ConsentRule.PersonalContactRequired, decision.Rule);
        Assert.Equal("en MX las comunicaciones comerciales por correo electrónico exigen una visita, llamada o reunión previa, y no hay ninguna registrada", decision.Reason.Spanish);
    }

    [Fact]
    public void Evaluate_MarketingEmailAfterAPersonalContact_AllowedWhereRequired()
    {
        Assert.Equal(ConsentRule.OptOutDefault, Evaluate(TestPolicies.Mexico, MarketingEmail, metBefore: true).Rule);
        Assert.Equal(ConsentRule.RecordedGrant, Evaluate(TestPolicies.Mexico, MarketingEmail, metBefore: true, history: Grant(January)).Rule);
    }

    [Fact]
    public void Evaluate_PersonalContactRule_AppliesToMarketingEmailOnly()
    {
        Assert.True(Evaluate(TestPolicies.Mexico, new Outreach(ConsentPurpose.Marketing, ContactChannel.Phone)).Allowed);
        Assert.True(Evaluate(TestPolicies.Mexico, new Outreach(ConsentPurpose.Service, ContactChannel.Email)).Allowed);
    }

    [Theory]
    [InlineData(ContactChannel.Email)]
    [InlineData(ContactChannel.Sms)]
    [InlineData(ContactChannel.Phone)]
    public void Evaluate_ServiceMessageWithoutRecord_AllowedEvenInAnOptInCountry(ContactChannel channel)
    {
        var decision = Evaluate(TestPolicies.Spain, new Outreach(ConsentPurpose.Service, channel));

        Assert.True(decision.Allowed);
        Assert.Equal(ConsentRule.ServiceAlwaysAllowed, decision.Rule);
        Assert.StartsWith("los mensajes de servicio por", decision.Reason.Spanish, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ServiceMessagesWithdrawnByPhone_DeniedByPhoneOnly()
    {
        var noCalls = ConsentRecord.Withdraw(Lucia, ConsentPurpose.Service, ContactChannel.Phone, "prefiere correo electrónico", January);

        Assert.Equal(ConsentRule.RecordedWithdrawal, Evaluate(TestPolicies.Spain, new Outreach(ConsentPurpose.Service, ContactChannel.Phone), history: noCalls).Rule);
        Assert.True(Evaluate(TestPolicies.Spain, new Outreach(ConsentPurpose.Service, ContactChannel.Email), history: noCalls).Allowed);
    }

    [Fact]
    public void Evaluate_ProfilingFollowsTheProfilingRegime()
    {
        var profiling = new Outreach(ConsentPurpose.Profiling, ContactChannel.Sms);

        Assert.True(Evaluate(TestPolicies.UnitedStates, profiling).Allowed);
        Assert.Equal("no hay consentimiento registrado para elaboración de perfiles por SMS y en ES se exige consentimiento previo",
            Evaluate(TestPolicies.Spain, profiling).Reason.Spanish);
    }

    [Fact]
    public void Evaluate_CountryMissingFromTheTable_GetsTheStrictestRules()
    {
        var japan = TestPolicies.Table.For(CountryCode.Parse("JP"));

        Assert.False(japan.IsListed);
        var optIn = Evaluate(japan, new Outreach(ConsentPurpose.Marketing, ContactChannel.Post), metBefore: true);
        Assert.Equal(ConsentRule.OptInDefault, optIn.Rule);
        Assert.Equal("no consent to marketing by post on record, and JP is not in the consent policy table, so opt-in is required", optIn.Reason.English);
        Assert.Equal(ConsentRule.PartnerIncentiveForbidden,
            Evaluate(japan, MarketingEmail with { PartnerCompany = "Banco Meridiano" }, metBefore: true, history: Grant(January)).Rule);
        Assert.Equal(ConsentRule.PersonalContactRequired, Evaluate(japan, MarketingEmail, history: Grant(January)).Rule);
    }

    [Fact]
    public void Table_ListedCountry_GetsItsOwnPolicy() =>
        Assert.Same(TestPolicies.Mexico, TestPolicies.Table.For(CountryCode.Parse("MX")));

    [Fact]
    public void Table_SameCountryTwice_IsRejected() =>
        Assert.Throws<DomainRuleException>(() => new ConsentPolicyTable([TestPolicies.Spain, TestPolicies.Spain]));

    [Fact]
    public void Policy_ChannelTheTableLeavesOut_IsOptIn()
    {
        var sparse = TestPolicies.Policy("PT", marketing: new Dictionary<ContactChannel, ConsentRegime> { [ContactChannel.Post] = ConsentRegime.OptOut });

        Assert.Equal(ConsentRegime.OptIn, sparse.RegimeFor(ConsentPurpose.Marketing, ContactChannel.Email));
        Assert.Equal(ConsentRegime.OptOut, sparse.RegimeFor(ConsentPurpose.Marketing, ContactChannel.Post));
    }
}
