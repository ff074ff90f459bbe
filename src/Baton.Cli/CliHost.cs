using Baton.AI;
using Baton.AI.Steps;
using Baton.Engine;
using Baton.Secrets;
using Baton.Sqlite;
using Baton.Steps;
using Microsoft.Extensions.Logging;

namespace Baton.Cli;

/// <summary>An engine over the chosen store, for the lifetime of one command.</summary>
internal sealed class CliHost : IAsyncDisposable
{
    private readonly ILoggerFactory _loggerFactory;

    private CliHost(BatonEngine engine, SqliteWorkflowStore store, ILoggerFactory loggerFactory, string storePath)
    {
        Engine = engine;
        Store = store;
        _loggerFactory = loggerFactory;
        StorePath = storePath;
    }

    public BatonEngine Engine { get; }

    public SqliteWorkflowStore Store { get; }

    public string StorePath { get; }

    /// <summary>Opens the store (creating it when missing) and builds an engine with the built-in step kinds.</summary>
    public static async Task<CliHost> OpenAsync(StoreLocation location, string? secretsFile, IEnumerable<IStepExecutor>? extraSteps, CancellationToken cancellationToken, BatonEngineOptions? options = null)
    {
        var loggerFactory = LoggerFactory.Create(builder => builder
            .SetMinimumLevel(LogLevel.Warning)
            .AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss ";
            })
            .AddFilter("Baton", LogLevel.Warning));
        var secrets = new CompositeSecretProvider([new EnvironmentSecretProvider(), new FileSecretProvider(secretsFile ?? DefaultSecretsFile())]);
        var store = new SqliteWorkflowStore(new SqliteStoreOptions { Path = location.Path }, TimeProvider.System, loggerFactory.CreateLogger<SqliteWorkflowStore>());
        try
        {
            await store.InitializeAsync(cancellationToken).ConfigureAwait(false);
            BatonEngine? engine = null;
            var ai = new AIRuntime(CliModels.Providers(), secrets, () => engine, new AIOptions(), TimeProvider.System, loggerFactory);
            IEnumerable<IStepExecutor> steps =
            [
                new HttpStepExecutor(HttpStepExecutor.CreateDefaultHttpClient()),
                new RunStepExecutor(),
                .. AIStepKinds.Create(ai),
                .. extraSteps ?? [],
            ];
            engine = new BatonEngine(store, steps, options, secrets, TimeProvider.System, loggerFactory);
            return new CliHost(engine, store, loggerFactory, location.Path);
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            loggerFactory.Dispose();
            throw;
        }
    }

    /// <summary>The secrets file: <c>BATON_SECRETS_FILE</c>, or <c>~/.config/baton/secrets.json</c>.</summary>
    public static string DefaultSecretsFile()
    {
        var configured = Environment.GetEnvironmentVariable("BATON_SECRETS_FILE");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var config = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");
        if (string.IsNullOrWhiteSpace(config))
        {
            config = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
        }

        return Path.Combine(config, "baton", "secrets.json");
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync().ConfigureAwait(false);
        _loggerFactory.Dispose();
    }
}
