namespace Baton.Engine;

/// <summary>The background worker: claims ready runs, fires due timers, and takes over the runs of dead workers.</summary>
public sealed partial class BatonEngine
{
    /// <summary>
    /// Runs the worker until <paramref name="cancellationToken"/> is cancelled, or, with <paramref name="untilIdle"/>,
    /// until no run is ready and no timer is due.
    /// </summary>
    /// <remarks>With <paramref name="untilIdle"/>, runs waiting for a later timer, an event or a person are left waiting.</remarks>
    public async Task RunWorkerAsync(bool untilIdle = false, CancellationToken cancellationToken = default)
    {
        var active = new Dictionary<Task, RunId>();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await RecoverAbandonedRunsAsync(cancellationToken).ConfigureAwait(false);
                var now = _svc.TimeProvider.GetUtcNow();
                var free = _svc.Options.WorkerConcurrency - active.Count;
                IReadOnlyList<RunId> claimed = [];
                if (free > 0)
                {
                    claimed = await _svc.Store.ClaimRunsAsync(WorkerId, now, now + _svc.Options.LeaseDuration, free, cancellationToken).ConfigureAwait(false);
                    foreach (var runId in claimed)
                    {
                        active[DriveClaimedAsync(runId, cancellationToken)] = runId;
                    }
                }

                if (active.Count == 0 && claimed.Count == 0)
                {
                    var next = await _svc.Store.GetNextReadyAtAsync(now, cancellationToken).ConfigureAwait(false);
                    if (untilIdle && (next is null || next > now))
                    {
                        return;
                    }

                    await IdleAsync(next, now, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                if (claimed.Count > 0 && free - claimed.Count > 0)
                {
                    // More may be ready right away; claim again before waiting.
                    continue;
                }

                await WaitForAnyAsync(active, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            await DrainAsync(active).ConfigureAwait(false);
        }
    }

    /// <summary>Releases the leases of workers on this machine whose process has died, so their runs resume at once.</summary>
    /// <returns>How many runs were released.</returns>
    public async Task<int> RecoverAbandonedRunsAsync(CancellationToken cancellationToken = default)
    {
        var released = 0;
        foreach (var holder in await _svc.Store.GetLeaseHoldersAsync(cancellationToken).ConfigureAwait(false))
        {
            if (holder.Owner != WorkerId && WorkerIdentity.IsDeadLocalOwner(holder.Owner))
            {
                var count = await _svc.Store.ReleaseLeasesOfAsync(holder.Owner, _svc.TimeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                EngineLog.RecoveredLeases(_svc.Logger, count, holder.Owner);
                released += count;
            }
        }

        return released;
    }

    private async Task IdleAsync(DateTimeOffset? next, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var delay = _svc.Options.PollInterval;
        if (next is { } at && at - now < delay)
        {
            delay = at > now ? at - now : TimeSpan.Zero;
        }

        using var wake = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var poked = _poke.WaitAsync(wake.Token);
        var timer = Task.Delay(delay, _svc.TimeProvider, wake.Token);
        await Task.WhenAny(poked, timer).ConfigureAwait(false);
        await wake.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(poked, timer).ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }

    private async Task WaitForAnyAsync(Dictionary<Task, RunId> active, CancellationToken cancellationToken)
    {
        using var wake = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var poked = _poke.WaitAsync(wake.Token);
        var timer = Task.Delay(_svc.Options.PollInterval, _svc.TimeProvider, wake.Token);
        await Task.WhenAny([.. active.Keys, poked, timer]).ConfigureAwait(false);
        await wake.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(poked, timer).ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);
        await ReapAsync(active).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }

    private async Task ReapAsync(Dictionary<Task, RunId> active)
    {
        foreach (var (task, runId) in active.Where(a => a.Key.IsCompleted).ToList())
        {
            active.Remove(task);
            try
            {
                await task.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
            catch (Exception ex)
            {
                // The failure is logged where it happened; the worker carries on with other runs.
                EngineLog.WorkerDriveFailed(_svc.Logger, ex, runId);
            }
        }
    }

    private async Task DrainAsync(Dictionary<Task, RunId> active)
    {
        try
        {
            await Task.WhenAll(active.Keys).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Each failure was logged by the driver; shutting down must not throw over them.
        }
    }
}
