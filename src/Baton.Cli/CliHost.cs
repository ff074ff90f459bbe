using Baton.AI;
using Baton.AI.Steps;
using Baton.Cli.Output;
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

    /// <summary>Opens the store (creating it when missing, unless <paramref name="storeMustExist"/>) and builds an engine with the built-in step kinds.</summary>
    /// <param name="location">The store.</param>
    /// <param name="secretsFile">The <c>--secrets-file</c> option: when given, the file must exist.</param>
    /// <param name="storeMustExist">True for commands that act on existing runs: a missing store file is then an error.</param>
    /// <param name="extraSteps">Step kinds besides the built-in ones.</param>
    /// <param name="cancellationToken">Cancels opening.</param>
    /// <param name="options">Engine settings, validated here.</param>
    /// <exception cref="UsageException">The store or the secrets file does not exist, or an engine setting is out of range.</exception>
    public static async Task<CliHost> OpenAsync(StoreLocation location, string? secretsFile, bool storeMustExist, IEnumerable<IStepExecutor>? extraSteps, CancellationToken cancellationToken, BatonEngineOptions? options = null)
    {
        var host = Create(location, secretsFile, storeMustExist, extraSteps, options);
        try
        {
            await host.OpenStoreAsync(cancellationToken).ConfigureAwait(false);
            return host;
        }
        catch
        {
            await host.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Builds the engine without opening the store, so that a command can check what it was given (compile the workflow,
    /// check the inputs) before it creates a store file; call <see cref="OpenStoreAsync"/> next.
    /// </summary>
    /// <exception cref="UsageException">The store (when it must exist) or the secrets file does not exist, or an engine setting is out of range.</exception>
    public static CliHost Create(StoreLocation location, string? secretsFile, bool storeMustExist, IEnumerable<IStepExecutor>? extraSteps, BatonEngineOptions? options = null)
    {
        if (storeMustExist)
        {
            location.RequireExisting();
        }

        var secrets = new CompositeSecretProvider([new EnvironmentSecretProvider(), .. SecretsFiles.Open(secretsFile)]);
        var loggerFactory = LoggerFactory.Create(builder => builder
            .SetMinimumLevel(LogLevel.Warning)
            .AddConsole(o =>
            {
                o.FormatterName = CliLogFormatter.FormatterName;

                // Every log line goes to stderr, so that stdout holds only what the command prints (one JSON document with --json).
                o.LogToStandardErrorThreshold = LogLevel.Trace;
            })
            .AddConsoleFormatter<CliLogFormatter, Microsoft.Extensions.Logging.Console.ConsoleFormatterOptions>()
            .AddFilter("Baton", LogLevel.Warning));
        try
        {
            // Nothing touches the file until the store is initialized.
            var store = new SqliteWorkflowStore(new SqliteStoreOptions { Path = location.Path }, TimeProvider.System, loggerFactory.CreateLogger<SqliteWorkflowStore>());
            BatonEngine? engine = null;
            var ai = new AIRuntime(CliModels.Providers(), secrets, () => engine, new AIOptions(), TimeProvider.System, loggerFactory);
            IEnumerable<IStepExecutor> steps =
            [
                new HttpStepExecutor(HttpStepExecutor.CreateDefaultHttpClient()),
                new RunStepExecutor(),
                .. AIStepKinds.Create(ai),
                .. extraSteps ?? [],
            ];
            engine = new BatonEngine(store, steps, options, secrets, TimeProvider.System, loggerFactory, startChecks: [AIStepKinds.StartCheck(ai)]);
            return new CliHost(engine, store, loggerFactory, location.Path);
        }
        catch
        {
            loggerFactory.Dispose();
            throw;
        }
    }

    /// <summary>Opens the store, creating the file and its directory when missing.</summary>
    /// <exception cref="Baton.Storage.StoreException">The store cannot be used.</exception>
    public ValueTask OpenStoreAsync(CancellationToken cancellationToken) => Store.InitializeAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync().ConfigureAwait(false);
        _loggerFactory.Dispose();
    }
}
