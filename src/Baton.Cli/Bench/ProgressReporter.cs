using Baton.Cli.Output;

namespace Baton.Cli.Bench;

/// <summary>Prints a progress line every second while a long benchmark runs, unless nothing has changed since the last one.</summary>
internal sealed class ProgressReporter : IDisposable
{
    private readonly Timer _timer;
    private string? _last;

    public ProgressReporter(Terminal terminal, Func<string> describe)
    {
        _timer = new Timer(
            _ =>
            {
                var line = describe();
                if (Interlocked.Exchange(ref _last, line) != line)
                {
                    terminal.Line($"  {terminal.Dim(line)}");
                }
            },
            null,
            TimeSpan.FromSeconds(1),
            TimeSpan.FromSeconds(1));
    }

    public void Dispose() => _timer.Dispose();
}
