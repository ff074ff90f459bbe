using System.Runtime;

namespace Baton.Cli.Bench;

/// <summary>Warms code up until the JIT has nothing left to compile, so that a measurement sees what a long-running worker runs.</summary>
/// <remarks>
/// Tiered compilation runs a method unoptimized first, counts its calls only once start-up activity has died down, then
/// recompiles it (instrumented, then optimized) in the background. One warm-up round leaves most of that to land in the
/// measured run, where it took a third of the CPU; rounds separated by quiet spells let it finish first.
/// </remarks>
internal static class JitWarmth
{
    public const int MaxRounds = 4;

    // A round that compiles fewer methods than this has reached the steady state: what is left is code that runs a few
    // times per run (start-up, completion), still climbing the tiers, not the hot path.
    private const int SettledMethods = 150;

    private static readonly TimeSpan QuietPeriod = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan MaxQuietWait = TimeSpan.FromSeconds(5);

    public static async Task WarmUpAsync(Func<CancellationToken, Task> round, CancellationToken cancellationToken)
    {
        for (var i = 0; i < MaxRounds; i++)
        {
            var before = JitInfo.GetCompiledMethodCount();
            await round(cancellationToken).ConfigureAwait(false);
            await WaitForQuietAsync(cancellationToken).ConfigureAwait(false);
            if (JitInfo.GetCompiledMethodCount() - before < SettledMethods)
            {
                return;
            }
        }
    }

    private static async Task WaitForQuietAsync(CancellationToken cancellationToken)
    {
        var clock = TimeProvider.System;
        var deadline = clock.GetUtcNow() + MaxQuietWait;
        var compiled = JitInfo.GetCompiledMethodCount();
        while (clock.GetUtcNow() < deadline)
        {
            await Task.Delay(QuietPeriod, clock, cancellationToken).ConfigureAwait(false);
            var now = JitInfo.GetCompiledMethodCount();
            if (now == compiled)
            {
                return;
            }

            compiled = now;
        }
    }
}
