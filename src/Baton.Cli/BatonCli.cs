using System.CommandLine;
using System.CommandLine.Parsing;
using Baton.Cli.Commands;

namespace Baton.Cli;

/// <summary>The command line's entry point.</summary>
internal static class BatonCli
{
    public static RootCommand CreateRoot()
    {
        var root = new RootCommand("Baton: durable, governed workflows. Write a process once in YAML; run it durably; see and steer every run.")
        {
            ValidateCommand.Create(),
            SchemaCommand.Create(),
            RunCommand.Create(),
            RunsCommand.Create(),
            ShowCommand.Create(),
            DecideCommand.Create(approve: true),
            DecideCommand.Create(approve: false),
            SignalCommand.Create(),
            CancelCommand.Create(),
            WorkerCommand.Create(),
            BenchCommand.Create(),
        };
        return root;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        CliName.Capture();
        var parse = CreateRoot().Parse(args);
        CliErrors.Json = WantsJson(parse);

        // A word the command does not know as an option is the mistake; the parser's other complaints (such as the file
        // that '--bogus' pushed out of its argument's place) only follow from it.
        var unknown = UnknownOptions.Find(parse).ToList();
        var errors = unknown.Count > 0 ? unknown : parse.Errors.Select(e => e.Message).Distinct().ToList();
        if (errors.Count > 0)
        {
            var message = errors.Count == 1 ? errors[0] : string.Join(" ", errors);
            var path = UnknownOptions.CommandPath(parse);
            var help = CliName.Command(path.Length > 0 ? $"{path} --help" : "--help");
            return CliErrors.Report(new CliError("usage", $"{message} Run '{help}' for usage."));
        }

        // System.CommandLine 2.0.0 leaves ProcessTerminationTimeout null, so it cancels nothing on a signal
        // (dotnet/command-line-api#2739): the signals are handled here instead, the same way for SIGINT and SIGTERM.
        using var interruption = new Interruption();
        return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }, interruption.Token).ConfigureAwait(false);
    }

    /// <summary>True when the command has --json and it was given (before any '--').</summary>
    private static bool WantsJson(ParseResult parse)
        => parse.CommandResult.Command.Options.Any(o => o.Name == "--json")
            && parse.Tokens.TakeWhile(t => t.Type != TokenType.DoubleDash).Any(t => t.Value == "--json");
}
