using System.Net;
using ChatCrm.Bot.Hosting;
using Polly;
using Polly.Timeout;

namespace ChatCrm.Bot.Tests.Hosting;

/// <summary>
/// Which failed attempts the shared retry pipeline repeats. A POST whose attempt timed out may already have posted
/// its message, so repeating it would send the message twice; a connection that was never made is safe to repeat.
/// </summary>
public sealed class TransientHttpRetryTests
{
    private static readonly HashSet<HttpStatusCode> Transient = [HttpStatusCode.TooManyRequests, HttpStatusCode.ServiceUnavailable];

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, true)]
    [InlineData(HttpStatusCode.ServiceUnavailable, true)]
    [InlineData(HttpStatusCode.InternalServerError, false)]
    [InlineData(HttpStatusCode.BadRequest, false)]
    public void ShouldRetry_AnsweredStatus_OnlyTheServicesTransientOnes(HttpStatusCode status, bool expected)
    {
        using var response = new HttpResponseMessage(status);
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1/v3/conversations/a/activities");

        Assert.Equal(expected, TransientHttpRetry.ShouldRetry(Outcome.FromResult(response), request, Transient));
    }

    [Fact]
    public void ShouldRetry_PostThatTimedOut_IsNotRepeated()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1/v3/conversations/a/activities");

        Assert.False(TransientHttpRetry.ShouldRetry(Outcome.FromException<HttpResponseMessage>(new TimeoutRejectedException()), request, Transient));
    }

    [Fact]
    public void ShouldRetry_PostWhoseResponseEndedMidway_IsNotRepeated()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1/api/chat.postMessage");
        var ended = new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely.");

        Assert.False(TransientHttpRetry.ShouldRetry(Outcome.FromException<HttpResponseMessage>(ended), request, Transient));
    }

    [Fact]
    public void ShouldRetry_PostThatNeverConnected_IsRepeated()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1/v3/conversations/a/activities");
        var refused = new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused");

        Assert.True(TransientHttpRetry.ShouldRetry(Outcome.FromException<HttpResponseMessage>(refused), request, Transient));
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public void ShouldRetry_SafeMethodThatTimedOut_IsRepeated(string method)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), "http://127.0.0.1/v3/conversations/a/members");

        Assert.True(TransientHttpRetry.ShouldRetry(Outcome.FromException<HttpResponseMessage>(new TimeoutRejectedException()), request, Transient));
    }

    [Fact]
    public void ShouldRetry_UnrelatedException_IsNotRepeated()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1/v3/conversations/a/members");

        Assert.False(TransientHttpRetry.ShouldRetry(Outcome.FromException<HttpResponseMessage>(new InvalidOperationException()), request, Transient));
    }
}
