using ChatCrm.Infrastructure.Persistence.Providers;
using Npgsql;

namespace ChatCrm.Infrastructure.Tests.Persistence;

public sealed class PostgresConnectionTuningTests
{
    [Fact]
    public void Apply_PlainConnectionString_AddsPreparationNoResetAndASmallerPool()
    {
        var tuned = new NpgsqlConnectionStringBuilder(PostgresConnectionTuning.Apply("Host=127.0.0.1;Database=crm;Username=app"));

        Assert.Equal(PostgresConnectionTuning.MaxAutoPrepare, tuned.MaxAutoPrepare);
        Assert.Equal(PostgresConnectionTuning.AutoPrepareMinUsages, tuned.AutoPrepareMinUsages);
        Assert.True(tuned.NoResetOnClose);
        Assert.Equal(PostgresConnectionTuning.MaxPoolSize, tuned.MaxPoolSize);
        Assert.Equal("127.0.0.1", tuned.Host);
        Assert.Equal("crm", tuned.Database);
    }

    [Theory]
    [InlineData("Host=h;Max Auto Prepare=0;Maximum Pool Size=7;No Reset On Close=false;Auto Prepare Min Usages=9")]
    [InlineData("host=h;max auto prepare=0;maxpoolsize=7;no reset on close=false;auto prepare min usages=9")]
    public void Apply_SettingsGivenByTheOperator_AreKept(string configured)
    {
        var tuned = new NpgsqlConnectionStringBuilder(PostgresConnectionTuning.Apply(configured));

        Assert.Equal(0, tuned.MaxAutoPrepare);
        Assert.Equal(9, tuned.AutoPrepareMinUsages);
        Assert.False(tuned.NoResetOnClose);
        Assert.Equal(7, tuned.MaxPoolSize);
    }
}
