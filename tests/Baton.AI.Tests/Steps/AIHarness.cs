using System.Text.Json.Nodes;
using Baton.AI.Anthropic;
using Baton.AI.OpenAI;
using Baton.AI.Scripted;
using Baton.AI.Steps;
using Baton.Engine;
using Baton.Secrets;
using Baton.Sqlite;
using Baton.Steps;
using Baton.Storage;
using Microsoft.Extensions.Logging;

namespace Baton.AI.Tests.Steps;

/// <summary>The real engine and SQLite store with the AI step kinds and every provider, in a temporary directory.</summary>
internal sealed class AIHarness : IAsyncDisposable
{
    private AIHarness(string directory, SqliteWorkflowStore store, BatonEngine engine)
    {
        Directory = directory;
        Store = store;
        Engine = engine;
    }

    public string Directory { get; }

    public SqliteWorkflowStore Store { get; }

    public BatonEngine Engine { get; }

    /// <param name="secrets">Secrets the engine and the providers see.</param>
    /// <param name="directory">The directory of the workflow files and the store; a fresh temporary one by default.</param>
    /// <param name="clock">The clock of the engine and the AI steps (the providers' own HTTP timeouts keep the system clock); the system clock by default.</param>
    /// <param name="loggerFactory">The logging of the engine and the AI steps; none by default.</param>
    /// <param name="options">The AI options (such as capturing content in spans); the defaults by default.</param>
    public static async Task<AIHarness> CreateAsync(
        IReadOnlyDictionary<string, string>? secrets = null,
        string? directory = null,
        TimeProvider? clock = null,
        ILoggerFactory? loggerFactory = null,
        AIOptions? options = null)
    {
        directory ??= Path.Combine(Path.GetTempPath(), "baton-ai-tests", Guid.NewGuid().ToString("n"));
        System.IO.Directory.CreateDirectory(directory);
        var store = new SqliteWorkflowStore(new SqliteStoreOptions { Path = Path.Combine(directory, "store.db") });
        await store.InitializeAsync(CancellationToken.None);
        BatonEngine? engine = null;
        var secretProvider = new DictionarySecrets(secrets ?? new Dictionary<string, string>());
        var runtime = new AIRuntime(
            [new ScriptedModelProvider(), new OpenAIModelProvider(), new OllamaModelProvider(), new AnthropicModelProvider()],
            secretProvider,
            () => engine,
            options,
            clock,
            loggerFactory);
        engine = new BatonEngine(store, [.. AIStepKinds.Create(runtime), new HttpStepExecutor(HttpStepExecutor.CreateDefaultHttpClient()), new RunStepExecutor()], secrets: secretProvider, timeProvider: clock, loggerFactory: loggerFactory);
        return new AIHarness(directory, store, engine);
    }

    public string Write(string file, string text)
    {
        var path = Path.Combine(Directory, file);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.Replace("\r\n", "\n", StringComparison.Ordinal));
        return path;
    }

    public Task<RunResult> RunAsync(string yaml, JsonObject? inputs = null, CancellationToken cancellationToken = default)
        => Engine.RunAsync(Engine.LoadDefinition(Write("workflow.yaml", yaml)), inputs, null, cancellationToken).WaitAsync(TimeSpan.FromSeconds(60), CancellationToken.None);

    public async Task<IReadOnlyList<StepExecutionRecord>> StepsAsync(RunId runId) => await Store.GetStepExecutionsAsync(runId, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private sealed class DictionarySecrets(IReadOnlyDictionary<string, string> values) : ISecretProvider
    {
        public bool TryGetSecret(string name, out string value) => values.TryGetValue(name, out value!);

        public IEnumerable<string> GetAllValues() => values.Values;
    }
}
