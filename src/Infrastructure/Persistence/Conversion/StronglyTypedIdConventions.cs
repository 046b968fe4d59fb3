using ChatCrm.Domain.Common;
using ChatCrm.Domain.Consents;
using ChatCrm.Domain.Customers;
using ChatCrm.Domain.Interactions;
using ChatCrm.Domain.Offers;
using ChatCrm.Domain.Orders;
using ChatCrm.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ChatCrm.Infrastructure.Persistence.Conversion;

/// <summary>How the domain's value types are stored: ids as their Guid, codes as short strings, a Slack account as "TEAM:USER", enums by name.</summary>
internal static class StronglyTypedIdConventions
{
    public static void Apply(ModelConfigurationBuilder builder)
    {
        builder.Properties<CustomerId>().HaveConversion<CustomerIdConverter>();
        builder.Properties<UserId>().HaveConversion<UserIdConverter>();
        builder.Properties<InteractionId>().HaveConversion<InteractionIdConverter>();
        builder.Properties<OfferId>().HaveConversion<OfferIdConverter>();
        builder.Properties<OrderId>().HaveConversion<OrderIdConverter>();
        builder.Properties<ConsentRecordId>().HaveConversion<ConsentRecordIdConverter>();
        builder.Properties<CountryCode>().HaveConversion<CountryCodeConverter>().HaveMaxLength(2).AreFixedLength();
        builder.Properties<LanguageCode>().HaveConversion<LanguageCodeConverter>().HaveMaxLength(2).AreFixedLength();
        builder.Properties<SlackUserKey>().HaveConversion<SlackUserKeyConverter>().HaveMaxLength(SlackUserKey.MaxLength);

        builder.Properties<IdentityKind>().HaveConversion<string>().HaveMaxLength(20);
        builder.Properties<InteractionChannel>().HaveConversion<string>().HaveMaxLength(20);
        builder.Properties<InteractionKind>().HaveConversion<string>().HaveMaxLength(20);
        builder.Properties<UserRole>().HaveConversion<string>().HaveMaxLength(20);
        builder.Properties<ConsentPurpose>().HaveConversion<string>().HaveMaxLength(20);
        builder.Properties<ContactChannel>().HaveConversion<string>().HaveMaxLength(20);
        builder.Properties<Domain.Auditing.AuditAction>().HaveConversion<string>().HaveMaxLength(40);
    }

    private sealed class CustomerIdConverter() : ValueConverter<CustomerId, Guid>(id => id.Value, value => new CustomerId(value));

    private sealed class UserIdConverter() : ValueConverter<UserId, Guid>(id => id.Value, value => new UserId(value));

    private sealed class InteractionIdConverter() : ValueConverter<InteractionId, Guid>(id => id.Value, value => new InteractionId(value));

    private sealed class OfferIdConverter() : ValueConverter<OfferId, Guid>(id => id.Value, value => new OfferId(value));

    private sealed class OrderIdConverter() : ValueConverter<OrderId, Guid>(id => id.Value, value => new OrderId(value));

    private sealed class ConsentRecordIdConverter() : ValueConverter<ConsentRecordId, Guid>(id => id.Value, value => new ConsentRecordId(value));

    private sealed class CountryCodeConverter() : ValueConverter<CountryCode, string>(code => code.Value, value => CountryCode.Parse(value));

    private sealed class SlackUserKeyConverter() : ValueConverter<SlackUserKey, string>(key => key.ToString(), value => SlackUserKey.Parse(value));

    private sealed class LanguageCodeConverter() : ValueConverter<LanguageCode, string>(code => code.Value, value => LanguageCode.Parse(value));
}
