using System.Text.Json.Nodes;
using Baton.Cli.Output;
using Baton.Definitions;
using Baton.Secrets;
using Baton.Storage;

namespace Baton.Cli;

/// <summary>Turns the exceptions a command can expect into one error (on stderr, and on stdout with --json) and an exit code.</summary>
internal static class CliErrors
{
    /// <summary>Set once the command line is parsed: with <c>--json</c>, errors are also printed as JSON on stdout.</summary>
    public static bool Json { get; set; }

    public static async Task<int> GuardAsync(Func<Task<int>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return Report(new CliError(
                "interrupted",
                $"Interrupted. Runs in flight resume with the next '{CliName.Command("worker")}' or '{CliName.Command("run")}' on this store.",
                ExitCode: ExitCodes.Interrupted));
        }
        catch (Exception ex)
        {
            return Report(Describe(ex));
        }
    }

    /// <summary>Prints the error and returns its exit code.</summary>
    public static int Report(CliError error)
    {
        var stderr = Terminal.Stderr;
        if (error.Diagnostics is { } diagnostics)
        {
            PrintDiagnostics(stderr, diagnostics);
        }
        else if (error.ExitCode == ExitCodes.Interrupted)
        {
            // Stopping on request is not an error of the command.
            stderr.Line(stderr.Yellow(error.Message));
        }
        else
        {
            stderr.Line($"{stderr.Red("error:")} {error.Message}");
        }

        if (Json)
        {
            JsonOutput.Write(Console.Out, new JsonObject
            {
                ["error"] = new JsonObject
                {
                    ["code"] = error.Code,
                    ["message"] = error.Message,
                    ["details"] = error.Details ?? [],
                },
            });
        }

        return error.ExitCode;
    }

    public static void PrintDiagnostics(Terminal terminal, IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            terminal.Line(diagnostic.ToString());
        }
    }

    public static JsonObject DiagnosticJson(Diagnostic d) => new()
    {
        ["code"] = d.Code,
        ["severity"] = d.Severity == DiagnosticSeverity.Error ? "error" : "warning",
        ["message"] = d.Message,
        ["file"] = d.Location.File,
        ["line"] = d.Location.Line,
        ["column"] = d.Location.Column,
    };

    private static CliError Describe(Exception ex) => ex switch
    {
        WorkflowDefinitionException e => new CliError("definition.invalid", e.Message,
            new JsonArray([.. e.Diagnostics.Select(d => (JsonNode)DiagnosticJson(d))]), Diagnostics: e.Diagnostics),
        WorkflowInputException e => new CliError("input.invalid", e.Message,
            new JsonArray([.. e.Errors.Select(i => (JsonNode)new JsonObject { ["path"] = i.Path, ["message"] = i.Message })])),
        RunStartException e => new CliError("run.cannot-start", e.Message, new JsonArray([.. e.Problems.Select(p => (JsonNode)JsonValue.Create(p))])),
        RunNotFoundException e => new CliError("run.not-found", $"No run '{e.RunId}' exists in this store. List runs with '{CliName.Command("runs")}'."),
        InvalidRunOperationException e => new CliError("run.invalid-operation", e.Message),
        StoreException e => new CliError(StoreCode(e.Kind), StoreMessage(e)),
        SecretsFileException e => new CliError("secrets.invalid", e.Message),
        UsageException e => new CliError(e.Code, e.Message),

        // An API that rejects an argument the command line let through: still the caller's mistake, not a crash.
        ArgumentException e => new CliError("usage", e.Message),

        // Anything else is a bug: one line that says so, rather than a stack trace.
        _ => new CliError("internal", $"baton failed unexpectedly ({ex.GetType().Name}: {ex.Message}). This is a bug; please report it with the command that caused it.", ExitCode: ExitCodes.Internal),
    };

    private static string StoreCode(StoreErrorKind kind) => kind switch
    {
        StoreErrorKind.Locked => "store.locked",
        StoreErrorKind.Corrupt => "store.corrupt",
        StoreErrorKind.NewerVersion => "store.newer-version",
        _ => "store.unavailable",
    };

    /// <summary>The store's advice names its .NET options; here the store is chosen with --store or BATON_STORE.</summary>
    private static string StoreMessage(StoreException e) => e.Kind switch
    {
        StoreErrorKind.Locked => $"{e.Problem} Another baton command (or a program using the store) is writing to it: try again once it is done, or use another store with --store or BATON_STORE.",
        StoreErrorKind.Corrupt => $"{e.Problem} Restore it from a backup, or use another store with --store or BATON_STORE.",
        StoreErrorKind.NewerVersion => $"{e.Problem} Use a newer baton, or another store with --store or BATON_STORE.",
        _ => $"{e.Problem} Check that the file and its directory can be created and written and that the disk is not full, or use another store with --store or BATON_STORE.",
    };
}
