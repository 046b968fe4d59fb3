using ChatCrm.Bot.Features.PrivacyCentre;
using ChatCrm.Domain.Satisfaction;
using ChatCrm.Infrastructure.Satisfaction;

namespace ChatCrm.Bot.Features.Satisfaction;

/// <summary>
/// The survey a resolved case's e-mail links to: the page (a GET spends nothing, so a mail scanner following the link
/// does no harm) and its answer (checked, then recorded once: a second submission is refused politely).
/// </summary>
public static class SurveyEndpoints
{
    public static void MapSurvey(this RouteGroupBuilder group)
    {
        group.MapGet("/{token}", ShowAsync);
        group.MapPost("/answer", AnswerAsync).AddEndpointFilter<RequireAntiforgery>();
    }

    private static async Task<IResult> ShowAsync(string token, HttpContext http, SatisfactionSurveyStore surveys)
    {
        var facts = await surveys.LookAsync(token, http.RequestAborted);
        var language = PageLanguage.Of(http, facts.Language);
        return facts.State switch
        {
            SurveyLinkState.Open => SurveyPages.Question(http, language, token, facts.CaseNumber!, facts.CaseTitle!),
            SurveyLinkState.Answered => SurveyPages.AlreadyAnswered(language, StatusCodes.Status200OK),
            _ => SurveyPages.NotValid(language),
        };
    }

    private static async Task<IResult> AnswerAsync(HttpContext http, SatisfactionSurveyStore surveys)
    {
        var form = http.Request.Form;
        var token = (string?)form["token"];
        var facts = await surveys.LookAsync(token, http.RequestAborted);
        var language = PageLanguage.Of(http, facts.Language);
        if (facts.State == SurveyLinkState.Answered)
            return SurveyPages.AlreadyAnswered(language, StatusCodes.Status409Conflict);
        if (facts.State != SurveyLinkState.Open)
            return SurveyPages.NotValid(language);
        var (answer, problem) = SatisfactionAnswer.Read(form["score"], form["comment"]);
        if (answer is null)
            return SurveyPages.Question(http, language, token!, facts.CaseNumber!, facts.CaseTitle!, problem!.In(language), form["comment"], form["score"]);
        var (state, recorded) = await surveys.AnswerAsync(token, answer, http.RequestAborted);
        return recorded ? SurveyPages.Thanks(language, answer.IsLow)
            : state == SurveyLinkState.Answered ? SurveyPages.AlreadyAnswered(language, StatusCodes.Status409Conflict)
            : SurveyPages.NotValid(language);
    }
}
