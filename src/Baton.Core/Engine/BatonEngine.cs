using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Baton.Definitions;
using Baton.Secrets;
using Baton.Steps;
using Baton.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Baton.Engine;

/// <summary>
/// The Baton engine: loads definitions, starts runs, drives them durably, and lets people and systems act on them.
/// Every host (the CLI, a server, an application that embeds Baton) works through this class.
/// </summary>
/// <remarks>
/// <para>The engine keeps no state that a crash could lose: runs live in the <see cref="IWorkflowStore"/>. Many
/// engines, in one process or many, can share a store; leases make sure that one run is driven by one engine at a time.</para>
/// <para>Methods that change a run (start, approve, signal, cancel) also drive it forward in the calling process, so a
/// single-user session needs no background worker. <see cref="RunWorkerAsync"/> is the background worker.</para>
/// </remarks>
public sealed partial class BatonEngine
{
    private readonly EngineServices _svc;
    private readonly ConcurrentDictionary<RunId, TaskCompletionSource> _settled = new();
    private readonly SemaphoreSlim _poke = new(0);
    private readonly ConcurrentDictionary<string, bool> _savedDefinitions = new(StringComparer.Ordinal);
    private readonly LocalDrives _drives = new();

    /// <summary>Creates an engine over a store. Nothing touches the store until a method is called.</summary>
    /// <param name="store">Where runs live.</param>
    /// <param name="executors">The step kinds besides the built-in control flow: <c>http</c>, <c>run</c>, and custom ones.</param>
    /// <param name="options">Settings, validated here; defaults when null.</param>
    /// <param name="secrets">Where <c>secrets.NAME</c> is read; the environment (<c>BATON_SECRET_NAME</c>) when null.</param>
    /// <param name="timeProvider">The clock; the system clock when null.</param>
    /// <param name="loggerFactory">Where the engine logs; nowhere when null.</param>
    /// <param name="services">Handed to step executors through their context; none when null.</param>
    /// <param name="startChecks">Checks made before a run starts, besides the engine's own (see <see cref="IRunStartCheck"/>); none when null.</param>
    public BatonEngine(
        IWorkflowStore store,
        IEnumerable<IStepExecutor> executors,
        BatonEngineOptions? options = null,
        ISecretProvider? secrets = null,
        TimeProvider? timeProvider = null,
        ILoggerFactory? loggerFactory = null,
        IServiceProvider? services = null,
        IEnumerable<IRunStartCheck>? startChecks = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(executors);
        options ??= new BatonEngineOptions();
        options.Validate();
        secrets ??= new EnvironmentSecretProvider();
        var registry = new StepExecutorRegistry(executors);
        Compiler = new WorkflowCompiler(new WorkflowCompilerOptions { CustomKinds = registry.CustomKinds() });
        var masker = new SecretMasker();
        masker.Add(secrets.GetAllValues());
        WorkerId = WorkerIdentity.NewOwner();
        _svc = new EngineServices
        {
            Store = store,
            Executors = registry,
            Definitions = new DefinitionCache(Compiler, store),
            Compiler = Compiler,
            Secrets = secrets,
            Masker = masker,
            TimeProvider = timeProvider ?? TimeProvider.System,
            Options = options,
            Logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Baton.Engine"),
            Services = services ?? EmptyServiceProvider.Instance,
            StartChecks = [.. startChecks ?? []],
            OnCommitted = e => TimelineEventCommitted?.Invoke(this, e),
            OnRunSettled = OnRunSettled,
        };
    }

    /// <summary>Raised after each timeline event is committed, for live progress. Handlers run on the engine's loop: keep them quick.</summary>
    public event EventHandler<TimelineEvent>? TimelineEventCommitted;

    /// <summary>This engine's lease owner name: <c>host/pid/start/n</c>.</summary>
    public string WorkerId { get; }

    /// <summary>The compiler, configured with this engine's custom step kinds.</summary>
    public WorkflowCompiler Compiler { get; }

    public IWorkflowStore Store => _svc.Store;

    /// <summary>Masks secrets in text that a host shows or logs.</summary>
    public SecretMasker Masker => _svc.Masker;

    internal BatonEngineOptions Options => _svc.Options;

    /// <summary>Creates or upgrades the store's schema.</summary>
    public ValueTask InitializeAsync(CancellationToken cancellationToken = default) => _svc.Store.InitializeAsync(cancellationToken);

    /// <summary>Compiles a workflow file (and the child workflows it calls) with this engine's step kinds.</summary>
    public CompilationResult Compile(string path) => Compiler.CompileFile(path);

    /// <summary>Loads and validates a workflow file.</summary>
    /// <exception cref="WorkflowDefinitionException">The file has errors; the exception lists every one.</exception>
    public WorkflowDefinition LoadDefinition(string path) => Compile(path).GetDefinitionOrThrow();

    /// <summary>
    /// Checks, without touching the store, that a run of <paramref name="definition"/> with <paramref name="inputs"/> could
    /// start now: the inputs match the input schema, the workflow's required <c>env</c> variables and its secrets have
    /// values, and every <see cref="IRunStartCheck"/> passes (such as the AI package's check of model credentials).
    /// </summary>
    /// <remarks>
    /// <see cref="StartAsync"/> and <see cref="RunAsync"/> make the same checks; this lets a host refuse bad input before it
    /// opens or creates its store.
    /// </remarks>
    /// <exception cref="WorkflowInputException">The inputs do not match the workflow's input schema.</exception>
    /// <exception cref="RunStartException">A required environment variable or secret is missing, or a start check found a problem.</exception>
    public void CheckCanStart(WorkflowDefinition definition, JsonObject? inputs = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        RunFactory.NewRun(definition, inputs ?? [], _svc, _svc.TimeProvider.GetUtcNow());
    }

    /// <summary>Starts a run and leaves it to the workers. Nothing is persisted when the inputs are invalid or the run cannot start.</summary>
    /// <exception cref="WorkflowInputException">The inputs do not match the workflow's input schema.</exception>
    /// <exception cref="RunStartException">A required environment variable or secret is missing, or a start check (<see cref="IRunStartCheck"/>) found a problem.</exception>
    public async Task<RunId> StartAsync(WorkflowDefinition definition, JsonObject? inputs = null, StartRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        var driver = await CreateDriverAsync(definition, inputs, options, cancellationToken).ConfigureAwait(false);
        await driver.CreateAsync(cancellationToken).ConfigureAwait(false);
        _poke.Release();
        return driver.RunId;
    }

    /// <summary>Starts a run and drives it in this process until it completes, fails, or waits.</summary>
    /// <exception cref="WorkflowInputException">The inputs do not match the workflow's input schema.</exception>
    /// <exception cref="RunStartException">A required environment variable or secret is missing, or a start check (<see cref="IRunStartCheck"/>) found a problem.</exception>
    public async Task<RunResult> RunAsync(WorkflowDefinition definition, JsonObject? inputs = null, StartRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        var driver = await CreateDriverAsync(definition, inputs, options, cancellationToken).ConfigureAwait(false);
        var slot = _drives.TryReserve(driver.RunId) ?? throw new InvalidOperationException($"Run {driver.RunId} is already being driven in this engine.");
        slot.Attach(driver);
        IReadOnlyCollection<RunId> related = [];
        try
        {
            related = await driver.DriveAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (LeaseLostException ex)
        {
            // Another worker took the run over; it carries on there.
            EngineLog.LeaseLost(_svc.Logger, driver.RunId, ex.Owner);
        }
        finally
        {
            _drives.Release(driver.RunId, slot);
        }

        await SettleAsync(related, cancellationToken).ConfigureAwait(false);

        return await GetResultAsync(driver.RunId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Drives a run (and the child and parent runs it affects) in this process as far as it can go now.</summary>
    /// <remarks>When another live worker holds the run, this returns the run's current state and leaves it to that worker.</remarks>
    /// <exception cref="RunNotFoundException">No such run.</exception>
    public async Task<RunResult> DriveAsync(RunId runId, CancellationToken cancellationToken = default)
    {
        await SettleAsync([runId], cancellationToken).ConfigureAwait(false);
        return await GetResultAsync(runId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Waits until a run ends, whichever worker drives it.</summary>
    /// <exception cref="RunNotFoundException">No such run.</exception>
    public async Task<RunResult> WaitForCompletionAsync(RunId runId, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var signal = _settled.GetOrAdd(runId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            var result = await GetResultAsync(runId, cancellationToken).ConfigureAwait(false);
            if (result.IsTerminal)
            {
                return result;
            }

            // In-process drivers signal at once; runs driven by other processes are polled.
            await Task.WhenAny(signal.Task, Task.Delay(_svc.Options.PollInterval, _svc.TimeProvider, cancellationToken)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>A run with its step executions and timeline; null when there is no such run.</summary>
    public async Task<RunDetails?> GetRunAsync(RunId runId, CancellationToken cancellationToken = default)
    {
        var run = await _svc.Store.GetRunAsync(runId, cancellationToken).ConfigureAwait(false);
        if (run is null)
        {
            return null;
        }

        var steps = await _svc.Store.GetStepExecutionsAsync(runId, cancellationToken).ConfigureAwait(false);
        var timeline = await _svc.Store.GetTimelineAsync(runId, cancellationToken).ConfigureAwait(false);
        var signals = await _svc.Store.GetSignalsAsync(runId, cancellationToken).ConfigureAwait(false);
        return new RunDetails(run, steps, timeline) { PendingSignals = [.. signals.Where(s => s.ConsumedBySeq is null)] };
    }

    public async Task<IReadOnlyList<RunRecord>> ListRunsAsync(RunQuery query, CancellationToken cancellationToken = default)
        => await _svc.Store.ListRunsAsync(query, cancellationToken).ConfigureAwait(false);

    private async Task<RunDriver> CreateDriverAsync(WorkflowDefinition definition, JsonObject? inputs, StartRunOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        options ??= new StartRunOptions();
        var now = _svc.TimeProvider.GetUtcNow();
        var run = RunFactory.NewRun(definition, inputs ?? [], _svc, now, id: options.RunId);
        run.LeaseOwner = WorkerId;
        run.LeaseExpiresAt = now + _svc.Options.LeaseDuration;
        if (!_savedDefinitions.ContainsKey(definition.Hash))
        {
            await _svc.Store.SaveDefinitionAsync(DefinitionCache.ToRecord(definition, now), cancellationToken).ConfigureAwait(false);
            _svc.Definitions.Add(definition);
            _savedDefinitions[definition.Hash] = true;
        }

        return RunDriver.ForNewRun(_svc, WorkerId, definition, run, options.Actor);
    }

    /// <summary>Drives runs in this process until none of them can go further now; follows child and parent runs.</summary>
    private async Task SettleAsync(IEnumerable<RunId> runIds, CancellationToken cancellationToken)
    {
        var queue = new Queue<RunId>(runIds);
        while (queue.TryDequeue(out var runId))
        {
            foreach (var related in await DriveOneAsync(runId, cancellationToken).ConfigureAwait(false))
            {
                queue.Enqueue(related);
            }
        }
    }

    /// <summary>
    /// Claims, loads and drives one run. When a drive in this engine already holds the run, pokes it to look at new
    /// signals instead. Returns the runs it affected; none when the run is driven elsewhere.
    /// </summary>
    private async Task<IReadOnlyCollection<RunId>> DriveOneAsync(RunId runId, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_drives.TryGet(runId, out var active))
            {
                if (await active.PokeAsync().WaitAsync(cancellationToken).ConfigureAwait(false))
                {
                    return [];
                }

                // That drive ended before it looked: the run is free again.
                continue;
            }

            var slot = _drives.TryReserve(runId);
            if (slot is null)
            {
                continue;
            }

            try
            {
                var now = _svc.TimeProvider.GetUtcNow();
                if (!await _svc.Store.TryClaimRunAsync(runId, WorkerId, now, now + _svc.Options.LeaseDuration, cancellationToken).ConfigureAwait(false))
                {
                    return [];
                }

                return await DriveReservedAsync(runId, slot, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _drives.Release(runId, slot);
            }
        }
    }

    /// <summary>Drives a run the worker claimed from the store.</summary>
    private async Task<IReadOnlyCollection<RunId>> DriveClaimedAsync(RunId runId, CancellationToken cancellationToken)
    {
        var slot = _drives.TryReserve(runId);
        if (slot is null)
        {
            // Already driven here: a lease this engine let lapse was claimed back; the running drive keeps it.
            return [];
        }

        try
        {
            return await DriveReservedAsync(runId, slot, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _drives.Release(runId, slot);
        }
    }

    private async Task<IReadOnlyCollection<RunId>> DriveReservedAsync(RunId runId, DriveSlot slot, CancellationToken cancellationToken)
    {
        try
        {
            var snapshot = await _svc.Store.LoadRunAsync(runId, cancellationToken).ConfigureAwait(false)
                ?? throw new RunNotFoundException(runId);
            var definition = await _svc.Definitions.GetAsync(snapshot.Run.DefinitionHash, cancellationToken).ConfigureAwait(false);
            var driver = RunDriver.ForSnapshot(_svc, WorkerId, definition, snapshot);
            slot.Attach(driver);
            return await driver.DriveAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (LeaseLostException ex)
        {
            EngineLog.LeaseLost(_svc.Logger, runId, ex.Owner);
            return [];
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            EngineLog.DriveFailed(_svc.Logger, ex, runId);
            await StallAsync(runId, ex).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// A drive failed for a reason the run itself does not explain (a step kind this worker lacks, a store error):
    /// record it on the timeline and make the run ready again only after <see cref="StallDelay"/>, so that workers do
    /// not spin on it while someone fixes the cause.
    /// </summary>
    private async Task StallAsync(RunId runId, Exception error)
    {
        try
        {
            var run = await _svc.Store.GetRunAsync(runId, CancellationToken.None).ConfigureAwait(false);
            if (run is null || run.IsTerminal || run.LeaseOwner != WorkerId)
            {
                return;
            }

            var now = _svc.TimeProvider.GetUtcNow();
            run.ReadyAt = now + StallDelay;
            run.LeaseOwner = null;
            run.LeaseExpiresAt = null;
            run.UpdatedAt = now;
            var stalled = new TimelineEvent
            {
                RunId = runId,
                Seq = run.NextEventSeq++,
                At = now,
                Type = TimelineEventTypes.RunStalled,
                Actor = $"worker:{WorkerId}",
                Message = _svc.Masker.MaskText($"This worker could not drive the run ({error.GetType().Name}: {error.Message}); it is retried at {run.ReadyAt:HH:mm:ss}Z."),
            };
            await _svc.Store.CommitAsync(new RunCommit { Run = run, ExpectedLeaseOwner = WorkerId, Events = [stalled] }, CancellationToken.None).ConfigureAwait(false);
        }
        catch (BatonException ex)
        {
            EngineLog.DriveFailed(_svc.Logger, ex, runId);
            await _svc.Store.ReleaseLeaseAsync(runId, WorkerId, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>How long a run whose drive failed unexpectedly waits before a worker tries it again.</summary>
    internal static readonly TimeSpan StallDelay = TimeSpan.FromMinutes(1);

    private async Task<RunResult> GetResultAsync(RunId runId, CancellationToken cancellationToken)
    {
        var run = await _svc.Store.GetRunAsync(runId, cancellationToken).ConfigureAwait(false) ?? throw new RunNotFoundException(runId);
        return RunResult.From(run);
    }

    private void OnRunSettled(RunRecord run)
    {
        if (run.IsTerminal && _settled.TryRemove(run.Id, out var signal))
        {
            signal.TrySetResult();
        }
    }

    private sealed class EmptyServiceProvider : IServiceProvider
    {
        public static readonly EmptyServiceProvider Instance = new();

        public object? GetService(Type serviceType) => null;
    }
}
