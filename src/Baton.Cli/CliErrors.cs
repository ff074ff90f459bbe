using Baton.Cli.Output;
using Baton.Definitions;
using Baton.Secrets;
using Baton.Storage;

namespace Baton.Cli;

/// <summary>Turns the exceptions a command can expect into a message on stderr and an exit code.</summary>
internal static class CliErrors
{
    public static async Task<int> GuardAsync(Func<Task<int>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (WorkflowDefinitionException ex)
        {
            PrintDiagnostics(Terminal.Stderr, ex.Diagnostics);
            return ExitCodes.Usage;
        }
        catch (Exception ex) when (ex is WorkflowInputException or RunStartException or RunNotFoundException or InvalidRunOperationException or StoreException or SecretsFileException or UsageException)
        {
            Terminal.Stderr.Line($"{Terminal.Stderr.Red("error:")} {ex.Message}");
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException)
        {
            Terminal.Stderr.Line("Interrupted. Runs in flight resume with the next 'baton worker' or 'baton run' on this store.");
            return 130;
        }
    }

    public static void PrintDiagnostics(Terminal terminal, IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            terminal.Line(diagnostic.ToString());
        }
    }
}

/// <summary>A mistake in how a command was called, such as a malformed <c>--input</c>.</summary>
internal sealed class UsageException(string message) : BatonException(message);
