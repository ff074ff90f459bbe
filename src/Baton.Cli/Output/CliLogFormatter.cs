using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace Baton.Cli.Output;

/// <summary>
/// Log lines for a person at a terminal: one line each, with an exception's message but never its stack trace. The
/// store's failed-write entry is left out: the command whose write failed reports the same error as its own.
/// </summary>
internal sealed class CliLogFormatter() : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "baton";

    private const string StoreCategory = "Baton.Sqlite.SqliteWorkflowStore";
    private const int StoreBatchFailedEventId = 3;

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        if (logEntry.Category == StoreCategory && logEntry.EventId.Id == StoreBatchFailedEventId)
        {
            return;
        }

        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (logEntry.Exception is { } exception && !message.Contains(exception.Message, StringComparison.Ordinal))
        {
            message = $"{message} {exception.Message}";
        }

        textWriter.WriteLine($"{Level(logEntry.LogLevel)}: {message}");
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Critical or LogLevel.Error => "error",
        LogLevel.Warning => "warning",
        _ => "info",
    };
}
