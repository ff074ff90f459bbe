using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Baton.Definitions;
using Baton.Engine;
using Baton.Secrets;
using Baton.Sqlite;
using Baton.Steps;
using Baton.Storage;
using Baton.Testing;

namespace Baton.Core.Tests.Engine.Support;

/// <summary>A real engine over a real SQLite file in a temporary directory, with the probe step kind registered.</summary>
internal sealed class EngineHarness : IAsyncDisposable
{
    private readonly ConcurrentQueue<TimelineEvent> _events = new();
    private readonly List<(string Type, string? Path, TaskCompletionSource Signal)> _waiters = [];
    private readonly Lock _gate = new();

    private readonly bool _ownsDirectory;

    private EngineHarness(string directory, bool ownsDirectory, SqliteWorkflowStore store, BatonEngine engine, ProbeExecutor probe, ManualTimeProvider? time)
    {
        _ownsDirectory = ownsDirectory;
        Directory = directory;
        Store = store;
        Engine = engine;
        Probe = probe;
        Time = time;
        engine.TimelineEventCommitted += (_, e) => OnEvent(e);
    }

    public string Directory { get; }

    public SqliteWorkflowStore Store { get; }

    public BatonEngine Engine { get; }

    public ProbeExecutor Probe { get; }

    /// <summary>The manual clock, when the harness was created with one.</summary>
    public ManualTimeProvider? Time { get; }

    public string StorePath => Store.Path;

    public IReadOnlyList<TimelineEvent> Events => [.. _events];

    public static Task<EngineHarness> CreateAsync(bool manualTime = false, BatonEngineOptions? options = null, ISecretProvider? secrets = null, string? directory = null)
        => CreateAsync(manualTime ? new ManualTimeProvider() : null, options, secrets, directory);

    public static async Task<EngineHarness> CreateAsync(ManualTimeProvider? time, BatonEngineOptions? options = null, ISecretProvider? secrets = null, string? directory = null, IEnumerable<IStepExecutor>? steps = null)
    {
        var ownsDirectory = directory is null;
        directory ??= Path.Combine(Path.GetTempPath(), "baton-engine-tests", Guid.NewGuid().ToString("n"));
        System.IO.Directory.CreateDirectory(directory);
        var store = new SqliteWorkflowStore(new SqliteStoreOptions { Path = Path.Combine(directory, "store.db") }, time);
        await store.InitializeAsync(CancellationToken.None);
        var probe = new ProbeExecutor();
        var engine = new BatonEngine(
            store,
            [probe, new RunStepExecutor(), .. steps ?? []],
            options ?? new BatonEngineOptions(),
            secrets ?? new EnvironmentSecretProvider(),
            (TimeProvider?)time ?? TimeProvider.System);
        return new EngineHarness(directory, ownsDirectory, store, engine, probe, time);
    }

    /// <summary>Writes <paramref name="yaml"/> to a file in the harness directory and compiles it with the engine's kinds.</summary>
    public WorkflowDefinition Load(string yaml, string file = "workflow.yaml")
    {
        var path = Write(file, yaml);
        return Engine.LoadDefinition(path);
    }

    public string Write(string file, string text)
    {
        var path = Path.Combine(Directory, file);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public Task<RunResult> RunAsync(string yaml, JsonObject? inputs = null)
        => Engine.RunAsync(Load(yaml), inputs).WaitAsync(TimeSpan.FromSeconds(60));

    public async Task<RunDetails> DetailsAsync(RunId runId) => (await Engine.GetRunAsync(runId))!;

    public async Task<StepExecutionRecord> StepAsync(RunId runId, string path)
        => (await Store.GetStepExecutionsAsync(runId, CancellationToken.None)).Single(s => s.Path == path);

    /// <summary>Completes when a timeline event of <paramref name="type"/> (at <paramref name="path"/>, when given) has been committed.</summary>
    public Task WhenEventAsync(string type, string? path = null)
    {
        lock (_gate)
        {
            if (_events.Any(e => e.Type == type && (path is null || e.Path == path)))
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((type, path, signal));
            return signal.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    private void OnEvent(TimelineEvent e)
    {
        lock (_gate)
        {
            _events.Enqueue(e);
            foreach (var waiter in _waiters.Where(w => w.Type == e.Type && (w.Path is null || w.Path == e.Path)).ToList())
            {
                waiter.Signal.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        if (!_ownsDirectory)
        {
            return;
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
