using Baton.Cli.Output;

namespace Baton.Cli.Bench;

/// <summary>Prints a progress line every second while a long benchmark runs.</summary>
internal sealed class ProgressReporter : IDisposable
{
    private readonly Timer _timer;

    public ProgressReporter(Terminal terminal, Func<string> describe)
    {
        _timer = new Timer(_ => terminal.Line($"  {terminal.Dim(describe())}"), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    public void Dispose() => _timer.Dispose();
}
