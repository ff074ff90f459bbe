using Baton.Engine;
using Microsoft.Extensions.Hosting;

namespace Baton.Hosting;

/// <summary>Runs the Baton worker for as long as the host runs: it creates or upgrades the store, resumes runs that a crash left behind, then drives ready runs and fires timers.</summary>
internal sealed class BatonWorkerService(BatonEngine engine) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await engine.InitializeAsync(stoppingToken).ConfigureAwait(false);
        await engine.RecoverAbandonedRunsAsync(stoppingToken).ConfigureAwait(false);
        try
        {
            await engine.RunWorkerAsync(untilIdle: false, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping; runs in flight resume with the next worker.
        }
    }
}
