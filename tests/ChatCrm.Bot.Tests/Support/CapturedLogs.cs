using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ChatCrm.Bot.Tests.Support;

/// <summary>
/// A logger provider for the host under test that keeps every entry as a log sink would write it: the formatted
/// message, each structured value and each scope value, as text.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> _written = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    /// <summary>Everything written so far: messages, structured values and scope values.</summary>
    public IReadOnlyCollection<string> Written => [.. _written];

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            owner._written.Enqueue(formatter(state, exception));
            Values(state);
            owner._scopes.ForEachScope((scope, _) => Values(scope), (object?)null);
        }

        private void Values(object? state)
        {
            if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                foreach (var (_, value) in pairs)
                    owner._written.Enqueue(value?.ToString() ?? string.Empty);
            }
        }
    }
}
