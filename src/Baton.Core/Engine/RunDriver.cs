using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Baton.Definitions;
using Baton.Storage;
using Microsoft.Extensions.Logging;

namespace Baton.Engine;

/// <summary>
/// Drives one run that this worker holds: a single-threaded state machine over the run's step executions.
/// </summary>
/// <remarks>
/// <para>The loop: advance the state machine in memory as far as it goes without side effects (control-flow steps,
/// signals, due timers, outcomes of finished attempts); commit that transition; only then launch the attempts it
/// started. So nothing outside the run ever depends on a transition that is not durable, and a crash at any moment
/// replays from the last commit.</para>
/// <para>Attempts of action steps run concurrently as tasks and report back through a channel; all state changes
/// happen on the driver's loop.</para>
/// </remarks>
internal sealed partial class RunDriver
{
    private readonly EngineServices _svc;
    private readonly string _owner;
    private readonly RunState _state;
    private readonly PendingCommit _pending = new();
    private readonly SortedSet<long> _agenda = [];
    private readonly List<long> _toLaunch = [];
    private readonly List<long> _launching = [];
    private readonly List<long> _due = [];
    private readonly Dictionary<long, InFlight> _inFlight = [];
    private readonly Channel<AttemptResult> _results = Channel.CreateUnbounded<AttemptResult>(new UnboundedChannelOptions { SingleReader = true });
    private readonly List<SignalRecord> _signals = [];
    private readonly HashSet<RunId> _relatedRuns = [];
    private readonly string _startActor;
    private readonly Lock _pokeGate = new();
    private readonly List<TaskCompletionSource<bool>> _pokes = [];
    private bool _ended;
    private bool _fetchSignals;
    private bool _isNew;
    private bool _lateDecisionsTaken;
    private JsonObject? _secrets;
    private Func<JsonObject>? _secretsAccessor;
    private DateTimeOffset _nextHeartbeat;
    private CancellationToken _driveToken;

    private RunDriver(EngineServices services, string owner, RunState state, bool isNew, IEnumerable<SignalRecord> signals, string startActor)
    {
        _svc = services;
        _owner = owner;
        _state = state;
        _isNew = isNew;
        _startActor = startActor;
        _signals.AddRange(signals.OrderBy(s => s.Id));
        foreach (var exec in state.Execs)
        {
            // Waits have timers, and containers with a timeout have a deadline, while they run.
            if (exec.Status == StepStatus.Ready || (exec.Status is StepStatus.Waiting or StepStatus.Running && exec.ReadyAt is not null))
            {
                _agenda.Add(exec.Seq);
            }
        }
    }

    public RunId RunId => _state.Run.Id;

    public RunRecord Run => _state.Run;

    private WorkflowDefinition Definition => _state.Definition;

    private DateTimeOffset Now => _svc.TimeProvider.GetUtcNow();

    /// <summary>A driver for a run that does not exist yet; its first commit inserts it.</summary>
    public static RunDriver ForNewRun(EngineServices services, string owner, WorkflowDefinition definition, RunRecord run, string actor)
        => new(services, owner, new RunState(run, definition, []), isNew: true, [], actor);

    /// <summary>A driver for a stored run this worker has claimed.</summary>
    public static RunDriver ForSnapshot(EngineServices services, string owner, WorkflowDefinition definition, RunSnapshot snapshot)
        => new(services, owner, new RunState(snapshot.Run, definition, snapshot.Steps), isNew: false, snapshot.PendingSignals, "engine");

    /// <summary>Creates a new run without driving it: it is committed ready, for any worker to take.</summary>
    public async Task CreateAsync(CancellationToken cancellationToken)
    {
        Prepare();
        PrepareRelease();
        await CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Drives the run until nothing more can happen in this process now. Returns the runs it affected.</summary>
    /// <exception cref="LeaseLostException">Another worker took the run over; this driver's work was dropped.</exception>
    public async Task<IReadOnlyCollection<RunId>> DriveAsync(CancellationToken cancellationToken)
    {
        _driveToken = cancellationToken;
        using var activity = EngineTelemetry.Source.StartActivity($"run {Definition.Name}", ActivityKind.Internal);
        activity?.SetTag("baton.run.id", RunId.Value);
        activity?.SetTag("baton.workflow.name", Definition.Name);
        activity?.SetTag("baton.definition.hash", Definition.Hash);
        _nextHeartbeat = Now + _svc.Options.HeartbeatInterval;
        try
        {
            Prepare();
            while (true)
            {
                // Stopping (worker shutdown, a cancelled caller) abandons the drive: what is in flight is recovered
                // as interrupted by the next worker, never recorded as a failure.
                cancellationToken.ThrowIfCancellationRequested();
                Advance();
                if (_fetchSignals)
                {
                    await AnswerPokesAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                }

                if (CanRelease())
                {
                    if (Run.IsTerminal && !_lateDecisionsTaken && Definition.StepsById.Values.Any(s => s is ApprovalStep))
                    {
                        await TakeLateDecisionsAsync(cancellationToken).ConfigureAwait(false);
                        continue;
                    }

                    PrepareRelease();
                    await CommitAsync(CancellationToken.None).ConfigureAwait(false);
                    break;
                }

                if (_pending.HasChanges)
                {
                    await CommitAsync(CancellationToken.None).ConfigureAwait(false);
                }

                Launch();
                if (_pending.HasChanges || _results.Reader.TryPeek(out _))
                {
                    continue;
                }

                await WaitForWorkAsync(cancellationToken).ConfigureAwait(false);
            }

            activity?.SetTag("baton.run.status", Run.Status.ToString());
            _svc.OnRunSettled?.Invoke(Run);
            return _relatedRuns;
        }
        catch (Exception ex) when (ex is LeaseLostException or OperationCanceledException)
        {
            await AbandonAsync().ConfigureAwait(false);
            if (ex is OperationCanceledException && !_isNew)
            {
                // Hand the run back at once, so that another worker need not wait for the lease to expire.
                await TryReleaseLeaseAsync().ConfigureAwait(false);
            }

            throw;
        }
        catch
        {
            await AbandonAsync().ConfigureAwait(false);
            throw;
        }
    }

    private void Prepare()
    {
        if (_isNew)
        {
            Emit(TimelineEventTypes.RunStarted, null, $"Run of '{Definition.Name}' started.", actor: _startActor,
                data: new JsonObject { ["definitionHash"] = Definition.Hash, ["version"] = Definition.Version });
            Activate(Definition.Steps[0], parent: null, ordinal: 0);
            return;
        }

        if (Run.IsTerminal)
        {
            return;
        }

        if (_state.Count == 0)
        {
            // A child run is created by its parent's commit with no steps yet: its first activation happens here.
            Activate(Definition.Steps[0], parent: null, ordinal: 0);
            return;
        }

        RecoverInterruptedAttempts();
    }

    /// <summary>True when nothing is in flight and no retry backoff is short enough to wait out here.</summary>
    private bool CanRelease()
        => _inFlight.Count == 0 && _toLaunch.Count == 0 && NextHeldWake() is null && !_results.Reader.TryPeek(out _);

    /// <summary>The earliest retry backoff this driver waits out itself rather than releasing the run.</summary>
    private DateTimeOffset? NextHeldWake()
    {
        if (Run.IsTerminal)
        {
            return null;
        }

        var horizon = Now + _svc.Options.RetryHoldThreshold;
        DateTimeOffset? earliest = null;
        foreach (var seq in _agenda)
        {
            var exec = _state[seq];
            if (exec.Status == StepStatus.Ready && exec.ReadyAt is { } at && at <= horizon && (earliest is null || at < earliest))
            {
                earliest = at;
            }
        }

        return earliest;
    }

    private async Task WaitForWorkAsync(CancellationToken cancellationToken)
    {
        var now = Now;
        var wake = _nextHeartbeat;
        foreach (var seq in _agenda)
        {
            // Any timer on the agenda (a backoff, a wait, a deadline) wakes the driver while it holds the run.
            if (_state[seq].ReadyAt is { } at && at < wake)
            {
                wake = at;
            }
        }

        var delay = wake > now ? wake - now : TimeSpan.Zero;
        if (delay > TimeSpan.Zero)
        {
            using var wakeUp = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var resultReady = _results.Reader.WaitToReadAsync(wakeUp.Token).AsTask();
            var timer = Task.Delay(delay, _svc.TimeProvider, wakeUp.Token);
            await Task.WhenAny(resultReady, timer).ConfigureAwait(false);
            await wakeUp.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(resultReady, timer).ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }

        if (Now >= _nextHeartbeat)
        {
            await HeartbeatAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Renews the lease and picks up signals that other processes sent while this worker held the run.</summary>
    private async Task HeartbeatAsync(CancellationToken cancellationToken)
    {
        var now = Now;
        _nextHeartbeat = now + _svc.Options.HeartbeatInterval;
        var lost = await _svc.Store.RenewLeasesAsync(_owner, [RunId], now + _svc.Options.LeaseDuration, cancellationToken).ConfigureAwait(false);
        if (lost.Count > 0)
        {
            throw new LeaseLostException(RunId, _owner);
        }

        Run.LeaseExpiresAt = now + _svc.Options.LeaseDuration;
        await FetchSignalsAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Picks up signals stored since the run was loaded: sent by other processes, or by this one through a poke.</summary>
    private async Task FetchSignalsAsync(CancellationToken cancellationToken)
    {
        var known = _signals.Select(s => s.Id).ToHashSet();
        var all = await _svc.Store.GetSignalsAsync(RunId, cancellationToken).ConfigureAwait(false);
        foreach (var signal in all)
        {
            if (signal.ConsumedBySeq is null && signal.Id > Run.SignalWatermark && !known.Contains(signal.Id))
            {
                _signals.Add(signal);
            }
        }
    }

    /// <summary>
    /// Commits the run's end while still holding it (from then on the store refuses signals to it), then takes in the
    /// decisions sent before that commit but after the last look, so that each one is consumed and refused on the
    /// timeline rather than left pending with nobody to tell its sender. Only runs with approvals pay the extra commit.
    /// </summary>
    private async Task TakeLateDecisionsAsync(CancellationToken cancellationToken)
    {
        _lateDecisionsTaken = true;
        await CommitAsync(CancellationToken.None).ConfigureAwait(false);
        await FetchSignalsAsync(cancellationToken).ConfigureAwait(false);
        Advance();
    }

    /// <summary>Asks the drive to look at newly stored signals now. True once it has; false when the drive ended first.</summary>
    /// <remarks>Thread-safe: called by whoever delivered a signal to a run this engine is driving.</remarks>
    public Task<bool> PokeAsync()
    {
        var poke = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_pokeGate)
        {
            if (_ended)
            {
                return Task.FromResult(false);
            }

            _pokes.Add(poke);
        }

        _results.Writer.TryWrite(AttemptResult.Poke);
        return poke.Task;
    }

    /// <summary>Marks the drive over; pokes not answered yet learn that the run is free.</summary>
    public void End()
    {
        List<TaskCompletionSource<bool>> pending;
        lock (_pokeGate)
        {
            _ended = true;
            pending = [.. _pokes];
            _pokes.Clear();
        }

        pending.ForEach(p => p.TrySetResult(false));
    }

    /// <summary>Fetches the signals that pokes announced, applies them, and commits before answering the pokes.</summary>
    private async Task AnswerPokesAsync(CancellationToken cancellationToken)
    {
        _fetchSignals = false;
        List<TaskCompletionSource<bool>> answered;
        lock (_pokeGate)
        {
            answered = [.. _pokes];
            _pokes.Clear();
        }

        await FetchSignalsAsync(cancellationToken).ConfigureAwait(false);
        Advance();
        if (_pending.HasChanges && !CanRelease())
        {
            await CommitAsync(CancellationToken.None).ConfigureAwait(false);
            Launch();
        }

        answered.ForEach(p => p.TrySetResult(true));
    }

    /// <summary>Computes the run's status and wake-up time for the time no worker holds it, and releases the lease.</summary>
    private void PrepareRelease()
    {
        if (!Run.IsTerminal)
        {
            DateTimeOffset? readyAt = null;
            var hasReadyWork = false;
            foreach (var seq in _agenda)
            {
                var exec = _state[seq];
                hasReadyWork |= exec.Status == StepStatus.Ready;
                if (exec.ReadyAt is { } at && (readyAt is null || at < readyAt))
                {
                    readyAt = at;
                }

                if (exec.Status == StepStatus.Ready && exec.ReadyAt is null)
                {
                    readyAt = Now;
                }
            }

            var status = hasReadyWork ? RunStatus.Running : RunStatus.Waiting;
            if (status == RunStatus.Waiting && Run.Status != RunStatus.Waiting)
            {
                Emit(TimelineEventTypes.RunWaiting, null, DescribeWaits());
            }

            Run.Status = status;
            Run.ReadyAt = readyAt;
        }
        else
        {
            Run.ReadyAt = null;
        }

        Run.LeaseOwner = null;
        Run.LeaseExpiresAt = null;
        _pending.RunChanged = true;
    }

    private string DescribeWaits()
    {
        var waits = _state.Execs
            .Where(e => e.Status == StepStatus.Waiting)
            .Select(e => $"{e.Path} ({_state.StepOf(e).Kind})")
            .ToList();
        return waits.Count == 0 ? "The run is waiting." : $"The run is waiting on {string.Join(", ", waits)}.";
    }

    private async Task CommitAsync(CancellationToken cancellationToken)
    {
        var now = Now;
        Run.UpdatedAt = now;
        if (Run.LeaseOwner is not null && Run.LeaseExpiresAt - now < _svc.Options.LeaseDuration / 2)
        {
            // Extended only when half spent: rewriting the lease on every commit would rewrite its indexes too.
            Run.LeaseExpiresAt = now + _svc.Options.LeaseDuration;
        }

        Run.SignalWatermark = Math.Max(Run.SignalWatermark, _signals.Count == 0 ? 0 : _signals.Max(s => s.Id));
        var commit = new RunCommit
        {
            Run = Run,
            IsNew = _isNew,
            ExpectedLeaseOwner = _isNew ? null : _owner,
            Steps = [.. _pending.Steps.Values],
            Events = [.. _pending.Events],
            ConsumedSignals = [.. _pending.ConsumedSignals],
            NewRuns = [.. _pending.NewRuns],
            OutgoingSignals = [.. _pending.OutgoingSignals],
            Definitions = [.. _pending.Definitions],
        };
        try
        {
            await _svc.Store.CommitAsync(commit, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            AcknowledgeJournal(ex);
            throw;
        }

        AcknowledgeJournal(null);
        _isNew = false;
        EngineTelemetry.Commits.Add(1);
        foreach (var run in _pending.NewRuns)
        {
            _relatedRuns.Add(run.Run.Id);
        }

        foreach (var signal in _pending.OutgoingSignals)
        {
            _relatedRuns.Add(signal.RunId);
        }

        if (_svc.OnCommitted is { } onCommitted)
        {
            foreach (var e in _pending.Events)
            {
                try
                {
                    onCommitted(e);
                }
                catch (Exception ex)
                {
                    // A listener's bug must not stop a run whose transition is already durable.
                    _svc.Logger.LogWarning(ex, "A timeline listener threw for event {Type} of run {RunId}.", e.Type, RunId);
                }
            }
        }

        _pending.Clear();
    }

    /// <summary>Stops every attempt in flight and forgets what was not committed.</summary>
    private async Task AbandonAsync()
    {
        foreach (var flight in _inFlight.Values)
        {
            await flight.Cancellation.CancelAsync().ConfigureAwait(false);
        }

        try
        {
            await Task.WhenAll(_inFlight.Values.Select(f => f.Task)).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            _svc.Logger.LogDebug(ex, "An attempt of run {RunId} ended with an exception while the run was abandoned.", RunId);
        }

        foreach (var flight in _inFlight.Values)
        {
            flight.Cancellation.Dispose();
        }

        _inFlight.Clear();
        _pending.Clear();
        AcknowledgeJournal(new OperationCanceledException("The run's drive was abandoned."));
    }

    private async Task TryReleaseLeaseAsync()
    {
        try
        {
            await _svc.Store.ReleaseLeaseAsync(RunId, _owner, CancellationToken.None).ConfigureAwait(false);
        }
        catch (BatonException ex)
        {
            _svc.Logger.LogWarning(ex, "Could not release the lease on run {RunId}; it will expire.", RunId);
        }
    }

    private sealed record InFlight(CancellationTokenSource Cancellation, int Attempt, Task Task);
}
