using System.Text;
using System.Text.Json;
using ChatCrm.Bot.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatCrm.Bot.Tests.Hosting;

/// <summary>
/// The backstop behind RequestText: should undecodable text still reach code that reads it, the exception handler
/// answers 400 (the request's fault), and everything else stays a 500.
/// </summary>
public sealed class ProblemDetailsExceptionHandlerTests
{
    public static TheoryData<string> UndecodableTextFailures => new() { "lone surrogate escape", "invalid UTF-8", "bad request" };

    [Theory]
    [MemberData(nameof(UndecodableTextFailures))]
    public async Task TryHandle_UndecodableText_Is400(string failure)
    {
        var status = await HandleAsync(Failure(failure));

        Assert.Equal(StatusCodes.Status400BadRequest, status);
    }

    [Fact]
    public async Task TryHandle_OtherInvalidOperation_Is500()
    {
        var status = await HandleAsync(new InvalidOperationException("a bug of ours"));

        Assert.Equal(StatusCodes.Status500InternalServerError, status);
    }

    private static Exception Failure(string kind)
    {
        try
        {
            switch (kind)
            {
                case "lone surrogate escape":
                    var reader = new Utf8JsonReader("\"\\udc00\""u8);
                    reader.Read();
                    _ = reader.GetString();
                    break;
                case "invalid UTF-8":
                    _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString([0xC3, 0x28]);
                    break;
                default:
                    throw new BadHttpRequestException("Unexpected end of request content.");
            }
        }
        catch (Exception thrown)
        {
            return thrown;
        }
        throw new InvalidOperationException($"Reading '{kind}' did not fail.");
    }

    private static async Task<int> HandleAsync(Exception exception)
    {
        await using var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var http = new DefaultHttpContext { RequestServices = services };
        http.Response.Body = new MemoryStream();
        var handler = new ProblemDetailsExceptionHandler(services.GetRequiredService<Microsoft.AspNetCore.Http.IProblemDetailsService>(),
            NullLogger<ProblemDetailsExceptionHandler>.Instance);

        Assert.True(await handler.TryHandleAsync(http, exception, CancellationToken.None));
        return http.Response.StatusCode;
    }
}
