namespace ChatCrm.Bot.Api.Http;

/// <summary>The API's error answers, all ProblemDetails (RFC 9457) with a title a developer can act on.</summary>
public static class ApiProblems
{
    /// <summary>400 with the fields at fault, e.g. <c>{"amount": ["must be greater than zero"]}</c>.</summary>
    public static IResult Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "The request has invalid fields.");

    public static IResult Invalid(string field, string message) =>
        Invalid(new Dictionary<string, string[]> { [field] = [message] });

    public static IResult NotFound(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"{what} was not found.");

    public static IResult Conflict(string title) => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title);

    public static IResult PreconditionFailed() =>
        TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed,
            title: "The record changed since you read it (its ETag no longer matches If-Match). Read it again and retry.");

    public static IResult PreconditionRequired() =>
        TypedResults.Problem(statusCode: StatusCodes.Status428PreconditionRequired,
            title: "Send If-Match with the ETag from your last read: updates are refused without it, so nobody overwrites a change they did not see.");

    public static IResult TooLarge(int limit) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: $"The request body is larger than {limit:N0} bytes.");

    public static IResult UnsupportedMediaType() =>
        TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Send the body as application/json.");
}
