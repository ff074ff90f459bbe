namespace Baton.Cli;

/// <summary>The exit codes of every command, documented in docs/cli.md.</summary>
internal static class ExitCodes
{
    /// <summary>The command succeeded; for a run, the run completed.</summary>
    public const int Success = 0;

    /// <summary>The run failed or was cancelled.</summary>
    public const int Failed = 1;

    /// <summary>The command could not do what was asked: bad usage, an invalid workflow or input, or an unusable store.</summary>
    public const int Usage = 2;

    /// <summary>The run is waiting: for a person, an event or a timer (including a long retry backoff).</summary>
    public const int Waiting = 3;

    /// <summary><c>baton cancel</c>: the cancellation is stored, but the process driving the run had not stopped it when the command stopped waiting.</summary>
    public const int CancelPending = 4;

    /// <summary>An unexpected failure: a bug in baton (EX_SOFTWARE).</summary>
    public const int Internal = 70;

    /// <summary>Interrupted with Ctrl+C.</summary>
    public const int Interrupted = 130;
}
