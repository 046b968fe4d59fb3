using ChatCrm.Domain.Cases;
using ChatCrm.Domain.Satisfaction;
using ChatCrm.Infrastructure.Satisfaction;
using ChatCrm.Infrastructure.Tests.Persistence;
using ChatCrm.Testing;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Infrastructure.Tests.Satisfaction;

/// <summary>
/// A resolution queues exactly one survey, in its own save: one row per case and resolution (a second instance that
/// queues the same resolution collides on the unique index), one inbox item to e-mail it; a reopened case resolved
/// again queues a second; other changes queue nothing.
/// </summary>
public abstract class SatisfactionSurveyQueueTests(DatabaseFixture db)
{
    [Fact]
    public async Task Resolve_QueuesOneSurveyAndOneMailItem_ReopenAndResolveAgainQueuesASecond()
    {
        var (caseId, repId) = await OpenCaseAsync();
        var now = DateTimeOffset.UtcNow;

        await ChangeAsync(caseId, c => c.Resolve("Fixed", repId, now));
        await ChangeAsync(caseId, c => c.ChangeStatus(CaseStatus.Closed, repId, now)); // closing asks nothing
        Assert.Single(await SurveysAsync(caseId));

        var (other, _) = await OpenCaseAsync();
        await ChangeAsync(other, c => c.Resolve("Fixed", repId, now));
        await ChangeAsync(other, c => c.ChangeStatus(CaseStatus.Open, repId, now));
        await ChangeAsync(other, c => c.Resolve("Fixed again", repId, now));

        var surveys = await SurveysAsync(other);
        Assert.Equal(2, surveys.Count);
        Assert.Equal(2, surveys.Select(s => s.ResolutionSequence).Distinct().Count());
        Assert.All(surveys, s => Assert.Equal(SurveyStatus.Pending, s.Status));
        await using var read = db.CreateContext();
        var ids = surveys.Select(s => s.Id.ToString()).ToList();
        Assert.Equal(2, await read.InboxItems.CountAsync(i => i.Channel == SurveyInbox.MailChannel && ids.Contains(i.Payload!)));
    }

    [Fact]
    public async Task SameResolutionQueuedTwice_TheSecondCollidesOnTheUniqueIndex()
    {
        var (caseId, repId) = await OpenCaseAsync();
        await ChangeAsync(caseId, c => c.Resolve("Fixed", repId, DateTimeOffset.UtcNow));
        var first = Assert.Single(await SurveysAsync(caseId));

        await using var second = db.CreateContext();
        second.SatisfactionSurveys.Add(SatisfactionSurvey.Queue(first.CaseId, first.CustomerId, first.ResolutionSequence, repId, DateTimeOffset.UtcNow));
        await Assert.ThrowsAsync<DbUpdateException>(() => second.SaveChangesAsync());
    }

    private async Task<(SupportCaseId Case, Domain.Users.UserId Rep)> OpenCaseAsync()
    {
        var rep = CrmTestData.Rep();
        var customer = CrmTestData.Customer();
        var supportCase = SupportCase.Open(customer.Id, "Printer offline", null, CasePriority.Normal, null, rep.Id, "Support", DateTimeOffset.UtcNow, SlaTable.Default);
        await using var setup = db.CreateContext();
        setup.Users.Add(rep);
        setup.Customers.Add(customer);
        setup.SupportCases.Add(supportCase);
        await setup.SaveChangesAsync();
        return (supportCase.Id, rep.Id);
    }

    private async Task ChangeAsync(SupportCaseId id, Action<SupportCase> change)
    {
        await using var context = db.CreateContext();
        var supportCase = await context.SupportCases.Include(c => c.History).SingleAsync(c => c.Id == id);
        change(supportCase);
        await context.SaveChangesAsync();
    }

    private async Task<List<SatisfactionSurvey>> SurveysAsync(SupportCaseId id)
    {
        await using var context = db.CreateContext();
        return await context.SatisfactionSurveys.AsNoTracking().Where(s => s.CaseId == id).ToListAsync();
    }
}

public sealed class SqliteSatisfactionSurveyQueueTests(SqliteFixture db) : SatisfactionSurveyQueueTests(db), IClassFixture<SqliteFixture>;

public sealed class PostgresSatisfactionSurveyQueueTests(PostgresFixture db) : SatisfactionSurveyQueueTests(db), IClassFixture<PostgresFixture>;
